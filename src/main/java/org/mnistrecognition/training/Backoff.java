package org.mnistrecognition.training;

import java.util.concurrent.locks.LockSupport;

/**
 * How the training threads wait for each other, thousands of times a second: spin for a few
 * microseconds, then yield the core (to the partner being waited for, or to the window's threads
 * when sharing the machine with a GUI) and only after a couple of milliseconds sleep, since a
 * sleep costs tens of microseconds of timer slack.
 */
final class Backoff {
    private static final long SPIN_NANOS = 30_000;
    private static final long YIELD_NANOS = 2_000_000;

    private Backoff() {
    }

    /** One step of waiting that began at {@code startNanos}; sleeps {@code sleepNanos} once waiting is long. */
    static void pause(long startNanos, Object blocker, long sleepNanos) {
        long waited = System.nanoTime() - startNanos;
        if (waited < SPIN_NANOS) {
            Thread.onSpinWait();
        } else if (waited < YIELD_NANOS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(blocker, sleepNanos);
        }
    }
}
