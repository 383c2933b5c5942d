package org.mnistrecognition.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.mnistrecognition.app.training.LogRow;
import org.mnistrecognition.app.training.Speed;
import org.mnistrecognition.app.training.TrainingViewModel;
import org.mnistrecognition.training.SyntheticData;

/**
 * The app as a user runs it, started in its own JVM by {@link ClosingTest}: it starts a training
 * run, and once the run is going, closes the window, answering the save question as told, once per
 * answer, each close a little further into the run (or, once it is stopped, as soon as the last
 * close is answered):
 * <ul>
 *   <li>{@code save}: Save, to the model file given (the app ends; if the file cannot be written, it stays);</li>
 *   <li>{@code save-no-file}: Save, then cancels the save dialog (the run is stopped, the app stays);</li>
 *   <li>{@code discard}: Discard;</li>
 *   <li>{@code cancel}: Cancel (the run goes on, the app stays).</li>
 * </ul>
 * It prints what it does and sees ({@code closing at N rows (running R, showing S): ANSWER}). When
 * {@link Application#launch} returns it prints {@code launch returned} and the threads the app
 * started that are still alive after a few seconds, busy ones (an idle daemon thread of the shared
 * background pool waits for work harmlessly) ({@code threads left: [...]}), and returns
 * from {@code main}: the JVM must then end by itself, no thread keeping it running.
 *
 * <p>Arguments: the folder for settings and checkpoints, the answers separated by commas, and the
 * model file for {@code save}.
 */
public final class ClosingMidRun {
    /** Rows a running run logs before each close (the first after this many, the next this many later, ...). */
    private static final int ROWS_PER_CLOSE = 1000;

    private ClosingMidRun() {
    }

    /** Launches {@link App} (from a main class that is no Application, so that JavaFX runs from the class path). */
    public static void main(String[] args) throws InterruptedException {
        List<Thread> before = List.copyOf(Thread.getAllStackTraces().keySet());
        Application.launch(App.class, args);
        System.out.println("launch returned");
        System.out.println("threads left: " + threadsLeft(before, 10));
    }

    /**
     * The threads started since {@code before} that are the app's (daemon or not) or that would keep
     * the JVM running (not daemon), still alive after up to {@code seconds} for them to end.
     */
    private static List<String> threadsLeft(List<Thread> before, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (before.contains(t) || t == Thread.currentThread() || t.getName().equals("DestroyJavaVM")
                    || t.getName().equals("training-feed-timer")) {
                continue;
            }
            // a shared background thread is named "background: JOB" while it does a job, "background" while it waits for one
            boolean apps = t.getName().startsWith("training") || t.getName().startsWith("sgd-worker")
                    || t.getName().startsWith("background: ") || t.getName().startsWith("evaluate");
            if (!apps && t.isDaemon()) {
                continue;
            }
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                left.add(t.getName() + (t.isDaemon() ? " (daemon)" : ""));
            }
        }
        return left;
    }

    /** The app, driven as described above. */
    public static final class App extends Application {
        private List<String> answers;
        private int given;
        private boolean waitingForTheSaveDialog;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            Path home = Path.of(args.get(0));
            answers = Arrays.asList(args.get(1).split(","));
            Optional<Path> model = args.size() > 2 ? Optional.of(Path.of(args.get(2))) : Optional.empty();
            AppState state = new AppState();
            MainWindow window = Views.load(MainWindow.class, state).controller();
            window.viewModel().setCheckpointFolder(home.resolve("checkpoints"));
            window.setCloseHandlers((owner, message) -> {
                String answer = answers.get(given - 1);
                System.out.println("asked: " + message);
                return Optional.of(switch (answer) {
                    case "save", "save-no-file" -> Dialogs.SAVE;
                    case "discard" -> Dialogs.DISCARD;
                    default -> ButtonType.CANCEL;
                });
            }, () -> {
                waitingForTheSaveDialog = false;
                return answers.get(given - 1).equals("save") ? model : Optional.empty();
            }, Platform::exit);
            window.show(stage, new SettingsFile(Files.createDirectories(home).resolve("settings.json")));
            TrainingViewModel training = window.training();
            new AnimationTimer() {
                private boolean started;
                private long nextRows = ROWS_PER_CLOSE;

                @Override
                public void handle(long now) {
                    // the iteration of the last row logged: the table keeps only the last 100,000 rows, so its size
                    // stops growing, and a fast run may reach that before the first close
                    List<LogRow> logged = training.rowsProperty().get();
                    long rows = logged.isEmpty() ? 0 : logged.get(logged.size() - 1).iteration();
                    if (!started) {
                        if (state.networkProperty().get() != null && !window.viewModel().busyProperty().get()) {
                            started = true;
                            state.dataProperty().set(SyntheticData.create());
                            training.form().layersProperty().set("64,16,10");
                            training.form().lengthProperty().set("100000000");
                            training.speedProperty().set(Speed.FULL);
                            training.start();
                            System.out.println("started");
                        }
                        return;
                    }
                    boolean running = training.runningProperty().get();
                    // the next close: once the last one is answered (a save written or failed), and a running run
                    // has logged more rows
                    if (waitingForTheSaveDialog || window.viewModel().busyProperty().get() || given == answers.size()
                            || running && rows < nextRows) {
                        return;
                    }
                    nextRows = rows + ROWS_PER_CLOSE;
                    String answer = answers.get(given++);
                    waitingForTheSaveDialog = answer.startsWith("save");
                    System.out.println("closing at " + rows + " rows (running " + running + ", showing " + stage.isShowing()
                            + "): " + answer);
                    window.quit();
                    if (given == answers.size()) {
                        stop();
                    }
                }
            }.start();
        }
    }
}
