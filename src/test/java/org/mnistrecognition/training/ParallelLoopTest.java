package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Parts are claimed by whichever thread is free: each runs exactly once per task, failures reach the caller. */
class ParallelLoopTest {
    @Test
    void everyPartRunsExactlyOncePerTask() {
        int parts = 3;
        int tasks = 20_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(parts);
        long[] sums = new long[parts];
        try (ParallelLoop loop = new ParallelLoop(parts, 2, "test-loop")) {
            for (int i = 0; i < tasks; i++) {
                int task = i;
                loop.run(p -> {
                    runs.incrementAndGet(p);
                    sums[p] += task;
                });
                // every part of this task is done when run returns
                for (int p = 0; p < parts; p++) {
                    assertEquals(task + 1, runs.get(p), "part " + p + " after task " + task);
                }
            }
        }
        for (int p = 0; p < parts; p++) {
            assertEquals((long) tasks * (tasks - 1) / 2, sums[p], "part " + p + " saw every task once");
        }
    }

    @Test
    void aFailingPartReachesTheCallerAndTheLoopGoesOn() {
        try (ParallelLoop loop = new ParallelLoop(2, 2, "test-loop")) {
            for (int i = 0; i < 100; i++) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.run(p -> {
                    if (p == 1) {
                        throw new IllegalStateException("part 1 failed");
                    }
                }));
                assertEquals("part 1 failed", e.getMessage());
                AtomicIntegerArray ran = new AtomicIntegerArray(2);
                loop.run(ran::incrementAndGet);
                assertEquals(1, ran.get(0));
                assertEquals(1, ran.get(1));
            }
        }
    }

    @Test
    void closingEndsTheHelpers() throws Exception {
        ParallelLoop loop = new ParallelLoop(2, 2, "closing-loop");
        loop.run(p -> { });
        assertTrue(helpersAlive("closing-loop"));
        loop.close();
        for (int i = 0; i < 100 && helpersAlive("closing-loop"); i++) {
            Thread.sleep(10);
        }
        assertFalse(helpersAlive("closing-loop"), "no helper thread is left running");
    }

    private static boolean helpersAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(name) && t.isAlive());
    }
}
