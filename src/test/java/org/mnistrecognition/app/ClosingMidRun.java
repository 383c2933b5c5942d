package org.mnistrecognition.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.mnistrecognition.app.training.Speed;
import org.mnistrecognition.app.training.TrainingViewModel;
import org.mnistrecognition.training.SyntheticData;

/**
 * The app as a user runs it, started in its own JVM by {@link ClosingTest}: it starts a training
 * run, and once the run is going, closes the window (answering Discard to the save question) and
 * prints {@code closed}. The JVM must then end by itself: no thread may keep it running.
 */
public final class ClosingMidRun {
    private ClosingMidRun() {
    }

    /** Launches {@link App} (from a main class that is no Application, so that JavaFX runs from the class path). */
    public static void main(String[] args) {
        Application.launch(App.class, args);
        System.out.println("launch returned");
    }

    /** The app, driven as described above; its one argument is the folder for its settings and checkpoints. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            Path home = Path.of(getParameters().getRaw().get(0));
            AppState state = new AppState();
            MainWindow window = Views.load(MainWindow.class, state).controller();
            window.viewModel().setCheckpointFolder(home.resolve("checkpoints"));
            window.setCloseHandlers((owner, message) -> Optional.of(Dialogs.DISCARD), Platform::exit);
            window.show(stage, new SettingsFile(Files.createDirectories(home).resolve("settings.json")));
            TrainingViewModel training = window.training();
            new AnimationTimer() {
                private boolean started;

                @Override
                public void handle(long now) {
                    if (!started && state.networkProperty().get() != null && !window.viewModel().busyProperty().get()) {
                        started = true;
                        state.dataProperty().set(SyntheticData.create());
                        training.form().layersProperty().set("64,16,10");
                        training.form().lengthProperty().set("100000000");
                        training.speedProperty().set(Speed.FULL);
                        training.start();
                        System.out.println("started");
                    } else if (started && training.rowsProperty().get().size() > 1000) {
                        stop();
                        System.out.println("closing mid-run at " + training.rowsProperty().get().size() + " rows");
                        window.quit();
                        System.out.println("closed");
                    }
                }
            }.start();
        }
    }
}
