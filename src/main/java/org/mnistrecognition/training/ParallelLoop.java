package org.mnistrecognition.training;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs a short task on {@code parts} threads at once, the caller being part 0, many times a
 * second: the threads wait by {@link Backoff}, so handing over costs microseconds rather than a
 * thread wake-up.
 */
final class ParallelLoop implements AutoCloseable {

    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile IntConsumer task;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    ParallelLoop(int parts, String name) {
        workers = new Thread[parts - 1];
        for (int t = 0; t < workers.length; t++) {
            int part = t + 1;
            workers[t] = new Thread(() -> work(part), name + "-" + part);
            workers[t].setDaemon(true);
            workers[t].start();
        }
    }

    int parts() {
        return workers.length + 1;
    }

    /** Runs {@code body.accept(part)} for every part and returns when all are done. */
    void run(IntConsumer body) {
        if (workers.length == 0) {
            body.accept(0);
            return;
        }
        caller = Thread.currentThread();
        task = body;
        pending.set(workers.length);
        generation++;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        body.accept(0);
        long start = System.nanoTime();
        while (pending.get() > 0) {
            Backoff.pause(start, this, 50_000);
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(f);
        }
    }

    private void work(int part) {
        long seen = 0;
        while (!closed) {
            long start = System.nanoTime();
            while (generation == seen && !closed) {
                Backoff.pause(start, this, 1_000_000);
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.accept(part);
            } catch (Throwable t) {
                failure = t;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        for (Thread w : workers) {
            try {
                w.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
