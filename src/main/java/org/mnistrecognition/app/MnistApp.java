package org.mnistrecognition.app;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The desktop app's window (a placeholder until the training and drawing panes land). */
public final class MnistApp extends Application {
    @Override
    public void start(Stage stage) {
        Label title = new Label("mnist-recognition");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label body = new Label("The training and drawing panes are on their way.\n"
                + "Meanwhile the command line trains, evaluates and reads digits:\n"
                + "  mnist-recognition train --preset best --save model.npz\n"
                + "  mnist-recognition classify digit.png");
        VBox root = new VBox(12, title, body);
        root.setPadding(new Insets(24));
        stage.setTitle("mnist-recognition");
        stage.setScene(new Scene(root, 560, 220));
        stage.show();
    }
}
