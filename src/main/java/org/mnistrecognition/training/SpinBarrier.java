package org.mnistrecognition.training;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a few threads that meet thousands of times a second. A waiting thread
 * spins for a short while, then yields its core (to the partner it waits for, or to the window's
 * threads when it shares the machine with a GUI) and only after a few milliseconds sleeps: a
 * sleep costs tens of microseconds of timer slack, which at several meetings a sample would
 * dominate the run.
 */
final class SpinBarrier {
    private static final long SPIN_NANOS = 20_000;
    private static final long YIELD_NANOS = 2_000_000;

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
            long waited = System.nanoTime() - start;
            if (waited < SPIN_NANOS) {
                Thread.onSpinWait();
            } else if (waited < YIELD_NANOS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(this, 50_000);
            }
        }
    }
}
