package org.mnistrecognition.training;

import java.util.concurrent.atomic.AtomicInteger;

/** A reusable barrier for a few threads that meet thousands of times a second; they wait by {@link Backoff}. */
final class SpinBarrier {

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
            Backoff.pause(start, this, 50_000);
        }
    }
}
