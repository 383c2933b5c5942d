package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs paused, resumed and stopped in quick succession, over and over, on one thread and two, with
 * checkpoints being written: every run ends, none hangs, and no thread is left behind. The time
 * limit only guards against a hang; it is not a speed test.
 */
class RunCyclesTest {
    private static final int CYCLES = 20;

    @TempDir
    Path dir;

    @Test
    void quickPauseResumeStopCyclesEndEveryRunAndLeaveNoThread() throws Exception {
        Threads threads = Threads.snapshot();
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                // batch 1 on two threads (the SGD engine's worker) and mini-batches on two (the batch engine's)
                TrainingConfig config = (cycle % 2 == 0 ? TrainerTest.small(Preset.SEED) : TrainerTest.small(Preset.BEST))
                        .withIterations(50_000_000).withThreads(2);
                RunControl control = new RunControl();
                Trainer trainer = new Trainer(config, SyntheticData.create(), control).publishSnapshots(true)
                        .autosave(Autosave.everyIterations(500, dir.resolve("cycle-" + cycle + ".npz")));
                CountDownLatch going = new CountDownLatch(1);
                AtomicReference<TrainingResult> result = new AtomicReference<>();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread runner = new Thread(() -> {
                    try {
                        result.set(trainer.run(new TrainingListener() {
                            @Override
                            public void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
                                going.countDown();
                            }
                        }));
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                }, "training");
                runner.start();
                switch (cycle % 4) {
                    case 0 -> {
                        // everything at once, before the first step
                        control.pause();
                        control.resume();
                        control.pause();
                        control.cancel();
                    }
                    case 1 -> {
                        assertTrue(going.await(30, TimeUnit.SECONDS));
                        control.pause();
                        control.resume();
                        control.cancel();
                    }
                    case 2 -> {
                        // stopped while paused
                        assertTrue(going.await(30, TimeUnit.SECONDS));
                        control.pause();
                        Thread.sleep(20);
                        control.cancel();
                    }
                    default -> {
                        assertTrue(going.await(30, TimeUnit.SECONDS));
                        for (int i = 0; i < 50; i++) {
                            control.pause();
                            control.setSpeed(i % 2 == 0 ? 1000 : 0);
                            control.resume();
                        }
                        control.cancel();
                    }
                }
                runner.join(30_000);
                assertTrue(!runner.isAlive(), "cycle " + cycle + ": the run ended");
                assertEquals(null, failure.get(), "cycle " + cycle);
                assertEquals(TrainingResult.Status.CANCELLED, result.get().status(), "cycle " + cycle);
            }
        });
        List<String> left = threads.leftSince(10);
        assertEquals(List.of(), left, "no thread outlives its run");
    }
}
