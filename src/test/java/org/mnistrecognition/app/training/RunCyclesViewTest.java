package org.mnistrecognition.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.drawing.DrawingViewModel;
import org.mnistrecognition.training.SyntheticData;
import org.mnistrecognition.training.Threads;
import org.mnistrecognition.training.TrainingResult;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training pane's commands pressed in quick succession, twenty times over, while a drawing
 * is read by the network being trained and checkpoints are written: every run ends, the FX
 * thread never blocks (each step is given 10 s, a guard against a hang, not a speed test), and
 * no thread is left behind.
 */
class RunCyclesViewTest {
    private static final int CYCLES = 20;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> what) throws Exception {
        return WaitForAsyncUtils.asyncFx(what).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
    }

    @Test
    void startPauseResumeStopInQuickSuccessionWhileDrawing() throws Exception {
        Threads threads = Threads.snapshot();
        AppState state = new AppState();
        state.dataProperty().set(SyntheticData.create());
        TrainingViewModel model = fx(() -> new TrainingViewModel(state));
        DrawingViewModel drawing = fx(() -> new DrawingViewModel(state, Runnable::run, new Random(1)));
        model.setCheckpointFolder(dir);
        model.setCheckpointInterval(Duration.ofMillis(30));
        fx(() -> {
            model.form().layersProperty().set("64,16,10");
            model.form().lengthProperty().set("50000000");
            return null;
        });
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            int c = cycle;
            boolean started = fx(() -> {
                model.speedProperty().set(c % 3 == 0 ? Speed.PER_SECOND_1000 : Speed.FULL);
                model.start();
                boolean running = model.runningProperty().get();
                if (c % 2 == 0) {
                    model.togglePause();
                    model.togglePause();
                    model.stop();
                    model.start();
                }
                return running;
            });
            assertTrue(started, "cycle " + c);
            if (c % 2 == 1) {
                waitUntil(() -> model.rowsProperty().get().size() > 50);
                for (int stroke = 0; stroke < 5; stroke++) {
                    int s = stroke;
                    fx(() -> {
                        drawing.beginStroke(40 + s * 30, 40, s == 4);
                        drawing.extendStroke(60 + s * 30, 200);
                        drawing.endStroke();
                        model.togglePause();
                        return null;
                    });
                }
                fx(() -> {
                    model.stop();
                    model.start();
                    model.togglePause();
                    return null;
                });
            }
            waitUntil(() -> !model.runningProperty().get());
            assertEquals(TrainingResult.Status.CANCELLED, model.resultProperty().get().status(), "cycle " + c);
            assertFalse(fx(() -> state.trainingProperty().get()));
        }
        List<String> left = threads.leftSince(10);
        assertEquals(List.of(), left, "no thread outlives its run");
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "stopped runs deleted their checkpoints");
        }
    }
}
