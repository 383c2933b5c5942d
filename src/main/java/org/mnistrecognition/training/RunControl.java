package org.mnistrecognition.training;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pause, resume, cancel and slow down a run from another thread. The trainer looks at it between
 * samples; reading it costs one volatile read when nothing is asked.
 */
public final class RunControl {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Non-zero when the trainer has to look: paused, cancelled or throttled. */
    private volatile boolean attention;
    private volatile boolean paused;
    private volatile boolean cancelled;
    /** The least time one iteration may take, in nanoseconds; 0 = full speed. */
    private volatile long minNanosPerIteration;
    private long nextIterationAt;

    public void pause() {
        paused = true;
        update();
    }

    public void resume() {
        paused = false;
        update();
    }

    public void cancel() {
        cancelled = true;
        update();
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Limits the run to {@code perSecond} iterations a second; 0 or less for full speed. */
    public void setSpeed(double perSecond) {
        minNanosPerIteration = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        update();
    }

    /** The speed limit in iterations per second, 0 when running at full speed. */
    public double speed() {
        long n = minNanosPerIteration;
        return n == 0 ? 0 : 1e9 / n;
    }

    private void update() {
        lock.lock();
        try {
            attention = paused || cancelled || minNanosPerIteration > 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by the training thread between samples: waits while paused or throttled and
     * returns whether the run should stop.
     */
    boolean checkpoint() throws InterruptedException {
        if (!attention) {
            return false;
        }
        lock.lock();
        try {
            while (paused && !cancelled) {
                changed.await();
            }
            long min = minNanosPerIteration;
            if (min > 0 && !cancelled) {
                long now = System.nanoTime();
                if (nextIterationAt - now > 0) {
                    changed.awaitNanos(nextIterationAt - now);
                    now = System.nanoTime();
                }
                nextIterationAt = Math.max(nextIterationAt + min, now);
            }
            return cancelled;
        } finally {
            lock.unlock();
        }
    }
}
