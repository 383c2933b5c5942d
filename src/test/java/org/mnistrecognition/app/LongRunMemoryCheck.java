package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.app.training.Speed;
import org.mnistrecognition.app.training.TrainingViewModel;
import org.mnistrecognition.training.TrainingResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A manual measurement, not a test of the build (it takes a minute or more and its figures depend
 * on the machine): the whole main window trains the {@code seed} network for 1,000,000 iterations
 * on the bundled MNIST, following the log, while at every measuring point a test digit is put on
 * the drawing canvas and drawn over (the drawing pane reads the learning network) and the view
 * switches between the Train tab and the live Weights tab. The used heap after garbage collection
 * is measured after 50,000 iterations and at points up to the end, and must stay within
 * {@value #MARGIN_MB} MB of the figure after 50,000 iterations. Run it with
 * {@code mvn test -Dtest=LongRunMemoryCheck -Dmnist.memory=true}; it prints the figures and writes
 * them to {@code target/long-run-memory.txt}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "mnist.memory", matches = "true")
class LongRunMemoryCheck {
    private static final long ITERATIONS = 1_000_000;
    private static final long[] POINTS = {50_000, 250_000, 500_000, 750_000};
    /** How far above the heap after 50,000 iterations the heap may be later on: the bound of "bounded". */
    private static final double MARGIN_MB = 16;
    /** The tabs the run is watched in, in turn: Train (the log and the chart), Weights (live pictures). */
    private static final int[] TABS = {0, 3};

    @TempDir
    Path dir;
    private AppState state;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        state = new AppState();
        window = Views.load(MainWindow.class, state).controller();
        window.viewModel().setCheckpointFolder(dir.resolve("checkpoints"));
        window.setCloseHandlers((owner, message) -> Optional.of(Dialogs.DISCARD), () -> { });
        window.show(stage, new SettingsFile(dir.resolve("settings.json")));
    }

    private static <T> T fx(Callable<T> what) throws Exception {
        return WaitForAsyncUtils.asyncFx(what).get(30, TimeUnit.SECONDS);
    }

    /** The used heap after garbage collection, in MB. */
    private static double usedHeapMb() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best / 1048576.0;
    }

    @Test
    void aMillionIterationsInTheWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> state.networkProperty().get() != null && !window.viewModel().busyProperty().get());
        TrainingViewModel training = window.training();
        fx(() -> {
            training.form().lengthProperty().set(String.valueOf(ITERATIONS));
            training.speedProperty().set(Speed.FULL);
            training.followProperty().set(true);
            training.start();
            return null;
        });
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "before the run: %.1f MB used after GC (max heap %d MB)", usedHeapMb(),
                Runtime.getRuntime().maxMemory() >> 20));
        long started = System.nanoTime();
        double at50k = Double.NaN;
        for (int i = 0; i < POINTS.length; i++) {
            long point = POINTS[i];
            int tab = TABS[i % TABS.length];
            fx(() -> {
                window.tabs().getSelectionModel().select(tab);
                return null;
            });
            robot.clickOn("Random test digit");
            robot.drag("#canvas").moveBy(40, 60).moveBy(-30, 40).drop();
            WaitForAsyncUtils.waitFor(30, TimeUnit.MINUTES, () -> training.progressProperty().get() * ITERATIONS >= point);
            fx(() -> {
                training.togglePause();
                return null;
            });
            Thread.sleep(500);
            WaitForAsyncUtils.waitForFxEvents();
            String summary = fx(() -> training.logSummaryProperty().get() + " " + training.logNoteProperty().get());
            double used = usedHeapMb();
            lines.add(String.format(Locale.ROOT, "at %s: %.1f MB used after GC; log: %s", summary.split(" iterations")[0],
                    used, summary));
            if (i == 0) {
                at50k = used;
            }
            assertTrue(used <= at50k + MARGIN_MB, lines::toString);
            fx(() -> {
                training.togglePause();
                return null;
            });
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.MINUTES, () -> training.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        TrainingResult result = training.resultProperty().get();
        assertEquals(ITERATIONS, result.iterations());
        String summary = fx(() -> training.logSummaryProperty().get() + " " + training.logNoteProperty().get());
        double after = usedHeapMb();
        lines.add(String.format(Locale.ROOT, "after the run (%s): %.1f MB used after GC; log: %s; table rows: %d",
                result.test().accuracyLine("test"), after, summary, fx(() -> training.rowsProperty().get().size())));
        lines.add(String.format(Locale.ROOT, "%,d iterations in %.0f s", ITERATIONS, (System.nanoTime() - started) / 1e9));
        lines.forEach(System.out::println);
        Files.write(Path.of("target", "long-run-memory.txt"), lines);
        assertTrue(after <= at50k + MARGIN_MB, lines::toString);
    }
}
