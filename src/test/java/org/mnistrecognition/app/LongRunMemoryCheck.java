package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A manual measurement, not a test of the build (it takes a minute or more and its figures depend
 * on the machine): the whole main window trains the {@code seed} network for 1,000,000 iterations
 * on the bundled MNIST, following the log, with the drawing pane reading the learning network,
 * and the used heap after garbage collection is measured after 50,000 iterations and at points
 * up to the end. Run it with
 * {@code mvn test -Dtest=LongRunMemoryCheck -Dmnist.memory=true}; it prints the figures and writes
 * them to {@code target/long-run-memory.txt}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "mnist.memory", matches = "true")
class LongRunMemoryCheck {
    private static final long ITERATIONS = 1_000_000;
    private static final long[] POINTS = {50_000, 250_000, 500_000, 750_000};

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
    void aMillionIterationsInTheWindow() throws Exception {
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
        for (long point : POINTS) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.MINUTES, () -> training.progressProperty().get() * ITERATIONS >= point);
            fx(() -> {
                training.togglePause();
                return null;
            });
            Thread.sleep(500);
            WaitForAsyncUtils.waitForFxEvents();
            String summary = fx(() -> training.logSummaryProperty().get());
            lines.add(String.format(Locale.ROOT, "at %s: %.1f MB used after GC; log: %s", summary.split(" iterations")[0],
                    usedHeapMb(), summary));
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
        String summary = fx(() -> training.logSummaryProperty().get());
        lines.add(String.format(Locale.ROOT, "after the run (%s): %.1f MB used after GC; log: %s; table rows: %d",
                result.test().accuracyLine("test"), usedHeapMb(), summary, fx(() -> training.rowsProperty().get().size())));
        lines.add(String.format(Locale.ROOT, "%,d iterations in %.0f s", ITERATIONS, (System.nanoTime() - started) / 1e9));
        lines.forEach(System.out::println);
        Files.write(Path.of("target", "long-run-memory.txt"), lines);
    }
}
