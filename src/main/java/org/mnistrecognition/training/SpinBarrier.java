package org.mnistrecognition.training;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a few threads that meet thousands of times a second: they spin for a
 * short while, then sleep in short naps, so a thread that lost its core does not leave the other
 * burning one.
 */
final class SpinBarrier {
    private static final long SPIN_NANOS = 20_000;

    private final int parties;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile int generation;

    SpinBarrier(int parties) {
        this.parties = parties;
    }

    /** Waits until all parties have called it. */
    void await() {
        if (parties == 1) {
            return;
        }
        int gen = generation;
        if (waiting.incrementAndGet() == parties) {
            waiting.set(0);
            generation = gen + 1;
            return;
        }
        long start = System.nanoTime();
        while (generation == gen) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 10_000);
            }
        }
    }
}
