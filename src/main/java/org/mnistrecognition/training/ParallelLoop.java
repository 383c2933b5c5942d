package org.mnistrecognition.training;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs a short task split into a fixed number of parts, many thousand times a second, on the
 * calling thread and a few helper threads. Parts are claimed, not assigned: whichever thread is
 * free takes the next one, so the caller never waits for a helper that has not started (one the
 * system has descheduled to run a window, a build or anything else); it does that part itself.
 * What a part computes depends only on its number, never on the thread that runs it, so the
 * results are the same whoever does the work. The helpers wait by {@link Backoff}, so handing
 * over costs a fraction of a microsecond while training runs and nothing while it does not.
 */
final class ParallelLoop implements AutoCloseable {
    private static final int NONE = -1;
    /** How long a helper spins for the next task before it yields its core between checks. */
    private static final long SPIN_NANOS = 30_000;
    /**
     * How long a helper waits for a task, yielding, before it sleeps until woken: long enough
     * to stay awake through a run's pauses for bookkeeping, since a wake-up puts the helper on
     * its waker's core for a while.
     */
    private static final long IDLE_NANOS = 50_000_000;

    private final Thread[] helpers;
    private final int parts;
    /**
     * Three counters, each on its own cache lines so that the threads' writes to one do not
     * disturb reads of another: at {@link #CLAIM} the current task's number (high 32 bits) and
     * the next part to claim (low 32 bits); at {@link #DONE} the parts of the current task the
     * helpers have finished; at {@link #SLEEPING} the helpers parked for want of work, which the
     * caller wakes when it publishes a task.
     */
    private final AtomicLongArray counters = new AtomicLongArray(48);
    private static final int CLAIM = 0;
    private static final int DONE = 16;
    private static final int SLEEPING = 32;
    private volatile IntConsumer body;
    private volatile boolean closed;
    private volatile Throwable failure;
    private int task;

    /** A loop of {@code parts} parts on the caller and {@code threads - 1} helper threads. */
    ParallelLoop(int parts, int threads, String name) {
        this.parts = parts;
        helpers = new Thread[Math.max(0, Math.min(threads, parts) - 1)];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = new Thread(this::help, name + "-" + (h + 1));
            helpers[h].setDaemon(true);
            helpers[h].start();
        }
    }

    int parts() {
        return parts;
    }

    /** Runs {@code body.accept(part)} for every part in [0, parts) and returns when all are done. */
    void run(IntConsumer body) {
        if (helpers.length == 0) {
            for (int p = 0; p < parts; p++) {
                body.accept(p);
            }
            return;
        }
        this.body = body;
        counters.set(DONE, 0);
        task++;
        // part 0 is the caller's; the others go to whoever claims them first
        counters.set(CLAIM, (long) task << 32 | 1);
        if (counters.get(SLEEPING) > 0) {
            for (Thread h : helpers) {
                LockSupport.unpark(h);
            }
        }
        int mine = 0;
        for (int p = 0; p != NONE; p = next(task)) {
            try {
                body.accept(p);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            mine++;
        }
        long start = System.nanoTime();
        while (counters.get(DONE) < parts - mine) {
            Backoff.pause(start, this, 50_000);
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(f);
        }
    }

    /** Claims the next part of task {@code id}, or {@link #NONE} if the task has changed or has no part left. */
    private int next(int id) {
        while (true) {
            long c = counters.get(CLAIM);
            int p = (int) c;
            if ((int) (c >>> 32) != id || p >= parts) {
                return NONE;
            }
            if (counters.compareAndSet(CLAIM, c, c + 1)) {
                return p;
            }
        }
    }

    private void help() {
        int seen = 0;
        while (!closed) {
            long start = System.nanoTime();
            int id;
            while ((id = (int) (counters.get(CLAIM) >>> 32)) == seen) {
                long waited = System.nanoTime() - start;
                if (waited > IDLE_NANOS) {
                    counters.incrementAndGet(SLEEPING);
                    if ((int) (counters.get(CLAIM) >>> 32) == seen) {
                        LockSupport.parkNanos(this, 1_000_000_000L);
                    }
                    counters.decrementAndGet(SLEEPING);
                    start = System.nanoTime();
                } else if (waited < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            if (closed) {
                return;
            }
            seen = id;
            int p;
            while ((p = next(id)) != NONE) {
                // the task cannot change before this part is done, so body is this task's
                try {
                    body.accept(p);
                } catch (Throwable t) {
                    failure = t;
                }
                counters.incrementAndGet(DONE);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        // a new task number with no part to claim wakes the spinning helpers to see that
        counters.set(CLAIM, ((counters.get(CLAIM) >>> 32) + 1) << 32 | parts);
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
        for (Thread h : helpers) {
            try {
                h.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
