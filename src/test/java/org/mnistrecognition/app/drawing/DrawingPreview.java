package org.mnistrecognition.app.drawing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.data.DataSetLoader;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.model.ModelFile;

/**
 * Shows the drawing pane alone in a window, reading with the bundled model and taking test digits from the
 * bundled data: for looking at the pane by hand ({@code java -cp <test class path>
 * org.mnistrecognition.app.drawing.DrawingPreview}). Not a test; not part of the app.
 */
public final class DrawingPreview {

    private DrawingPreview() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The preview's window (an {@link Application} apart from the main class, so JavaFX may sit on the class path). */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws IOException {
            AppState state = new AppState();
            Path model = ModelFile.bundledModel();
            if (Files.exists(model)) {
                state.networkProperty().set(ModelFile.load(model).network());
            }
            Thread loader = new Thread(() -> {
                try {
                    MnistData data = DataSetLoader.load(DataSetLoader.bundledData());
                    Platform.runLater(() -> state.dataProperty().set(data));
                } catch (IOException e) {
                    System.err.println(e.getMessage());
                }
            }, "data loader");
            loader.setDaemon(true);
            loader.start();
            FXMLLoader fxml = new FXMLLoader(DrawingView.class.getResource("DrawingView.fxml"));
            fxml.setControllerFactory(type -> new DrawingView(state));
            Parent root = fxml.load();
            stage.setTitle("drawing pane");
            stage.setScene(new Scene(root));
            stage.show();
        }
    }
}
