package org.mnistrecognition.app.drawing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.data.DataSetLoader;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.RunControl;
import org.mnistrecognition.training.Trainer;
import org.mnistrecognition.training.TrainingListener;

/**
 * Shows the drawing pane alone in a window, reading with the bundled model and taking test digits from the
 * bundled data: for looking at the pane by hand ({@code java -cp <test class path>
 * org.mnistrecognition.app.drawing.DrawingPreview}; with {@code --train} it trains a network from scratch
 * instead and the pane reads its snapshots). Not a test; not part of the app.
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
            boolean train = getParameters().getRaw().contains("--train");
            Path model = ModelFile.bundledModel();
            if (Files.exists(model) && !train) {
                state.networkProperty().set(ModelFile.load(model).network());
            }
            Thread loader = new Thread(() -> {
                try {
                    MnistData data = DataSetLoader.load(DataSetLoader.bundledData());
                    Platform.runLater(() -> state.dataProperty().set(data));
                    if (train) {
                        train(data, state);
                    }
                } catch (IOException | InterruptedException e) {
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

        /**
         * Trains the seed-fixed preset slowly (3,000 samples a second) from scratch, handing the pane a fresh
         * snapshot five times a second, as the training pane does: the guess follows the learning weights.
         */
        private static void train(MnistData data, AppState state) throws InterruptedException {
            RunControl control = new RunControl();
            control.setSpeed(3000);
            Trainer trainer = new Trainer(Preset.SEED_FIXED.config(1), data, control).publishSnapshots(true);
            Timeline poll = new Timeline(new KeyFrame(Duration.millis(200), e -> {
                Network snapshot = trainer.snapshot();
                if (snapshot != state.networkProperty().get()) {
                    state.networkProperty().set(snapshot);
                }
            }));
            poll.setCycleCount(Animation.INDEFINITE);
            Platform.runLater(poll::play);
            trainer.run(new TrainingListener() { });
            Platform.runLater(poll::stop);
        }
    }
}
