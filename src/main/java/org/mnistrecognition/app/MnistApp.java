package org.mnistrecognition.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app: one main window with the training and the drawing pane. */
public final class MnistApp extends Application {
    @Override
    public void start(Stage stage) {
        Views.Loaded<MainWindow> main = Views.load(MainWindow.class, new AppState());
        main.controller().show(stage, SettingsFile.standard());
    }
}
