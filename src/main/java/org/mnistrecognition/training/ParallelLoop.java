package org.mnistrecognition.training;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    /** The current task's number (high 32 bits) and the next part to claim (low 32 bits). */
    private final AtomicLong claim = new AtomicLong();
    /** Parts of the current task finished. */
    private final AtomicInteger done = new AtomicInteger();
    /** Helpers parked for want of work: the caller wakes them when it publishes a task. */
    private final AtomicInteger sleeping = new AtomicInteger();
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

    /** A loop with as many parts as threads. */
    ParallelLoop(int threads, String name) {
        this(Math.max(1, threads), threads, name);
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
        done.set(0);
        task++;
        claim.set((long) task << 32);
        if (sleeping.get() > 0) {
            for (Thread h : helpers) {
                LockSupport.unpark(h);
            }
        }
        int p;
        while ((p = next(task)) != NONE) {
            try {
                body.accept(p);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            done.incrementAndGet();
        }
        long start = System.nanoTime();
        while (done.get() < parts) {
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
            long c = claim.get();
            int p = (int) c;
            if ((int) (c >>> 32) != id || p >= parts) {
                return NONE;
            }
            if (claim.compareAndSet(c, c + 1)) {
                return p;
            }
        }
    }

    private void help() {
        int seen = 0;
        while (!closed) {
            long start = System.nanoTime();
            int id;
            while ((id = (int) (claim.get() >>> 32)) == seen && !closed) {
                long waited = System.nanoTime() - start;
                if (waited > IDLE_NANOS) {
                    sleeping.incrementAndGet();
                    if ((int) (claim.get() >>> 32) == seen && !closed) {
                        LockSupport.parkNanos(this, 1_000_000_000L);
                    }
                    sleeping.decrementAndGet();
                    start = System.nanoTime();
                } else if (waited < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
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
                done.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
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
