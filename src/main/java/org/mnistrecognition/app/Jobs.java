package org.mnistrecognition.app;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Runs work off the FX thread and brings its progress and outcome back to it: progress through at
 * most one pending hand-over at a time (however often the work reports), the outcome once. The
 * app runs work on a daemon thread per job and hands over with {@link Platform#runLater}; tests
 * may run both on their own thread.
 */
public final class Jobs {
    private final Executor background;
    private final Executor ui;

    /** What a job does, off the FX thread. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work, telling {@code progress} how far it has got; stops early (throwing) when interrupted. */
        T run(Progress progress) throws Exception;
    }

    /** How work tells its progress. Thread-safe. */
    @FunctionalInterface
    public interface Progress {
        /** The share done, 0 to 1. */
        void report(double fraction);
    }

    /** What the FX thread hears of a job. */
    public interface Outcome<T> {
        /** The latest share done (not every one the work reported). */
        default void progress(double fraction) {
        }

        /** The work's result. */
        void done(T value);

        /** The work failed with {@code problem}. */
        void failed(Throwable problem);

        /** The job was cancelled before it finished. */
        default void cancelled() {
        }
    }

    /** A job: made first, so that its outcome can tell whether it is still the one that matters, then started. */
    public static final class Job {
        private volatile Thread thread;
        private volatile boolean cancelled;
        private boolean finished;

        /** Asks the work to stop (interrupting it); its outcome is then {@link Outcome#cancelled()}. */
        public void cancel() {
            cancelled = true;
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }

        /** Whether the outcome has been delivered (read on the thread that hears outcomes). */
        public boolean isFinished() {
            return finished;
        }
    }

    /** Jobs whose work runs on {@code background} and whose outcomes are delivered on {@code ui}. */
    public Jobs(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Jobs on daemon threads named {@code name}, delivered on the FX thread. */
    public static Jobs standard(String name) {
        return new Jobs(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        }, Platform::runLater);
    }

    /** Starts {@code work} as a new job; {@code outcome} hears of it on the UI executor. */
    public <T> Job start(Work<T> work, Outcome<T> outcome) {
        Job job = new Job();
        start(job, work, outcome);
        return job;
    }

    /** Starts {@code work} as {@code job} (a new one); {@code outcome} hears of it on the UI executor. */
    public <T> void start(Job job, Work<T> work, Outcome<T> outcome) {
        AtomicLong latest = new AtomicLong(Double.doubleToLongBits(0));
        AtomicBoolean pending = new AtomicBoolean();
        Progress progress = fraction -> {
            latest.set(Double.doubleToLongBits(fraction));
            if (pending.compareAndSet(false, true)) {
                ui.execute(() -> {
                    pending.set(false);
                    if (!job.finished) {
                        outcome.progress(Double.longBitsToDouble(latest.get()));
                    }
                });
            }
        };
        background.execute(() -> {
            job.thread = Thread.currentThread();
            T value = null;
            Throwable problem = null;
            try {
                if (!job.cancelled) {
                    value = work.run(progress);
                }
            } catch (Exception | LinkageError | AssertionError | OutOfMemoryError e) {
                problem = e;
            } finally {
                job.thread = null;
                Thread.interrupted();
            }
            T result = value;
            Throwable failure = problem;
            ui.execute(() -> {
                job.finished = true;
                if (job.cancelled) {
                    outcome.cancelled();
                } else if (failure != null) {
                    outcome.failed(failure);
                } else {
                    outcome.done(result);
                }
            });
        });
    }
}
