package org.mnistrecognition.app;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs work off the FX thread as a {@link Task} and brings its progress and outcome back to the FX
 * thread: progress through the task's {@code updateProgress} (at most one hand-over pending,
 * however often the work reports), the outcome once: through the task's succeeded or failed
 * handler, or, for a cancelled job, once its work has stopped (so that a screen re-enabled by the
 * cancel starts nothing beside work still winding down). The app's tasks run on
 * {@link #inBackground shared daemon threads}; tests may run them on the thread that starts them.
 */
public final class Jobs {
    /** The app's background threads: daemon (they never keep the JVM alive), made as needed, kept a minute for the next task. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> daemon(r, "background"));

    private final Executor background;

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
        /** The latest share done (not every one the work reported); never after the outcome. */
        default void progress(double fraction) {
        }

        /** The work's result. */
        void done(T value);

        /** The work failed with {@code problem} (any throwable, an {@link OutOfMemoryError} too). */
        void failed(Throwable problem);

        /** The job was cancelled before it finished (heard once the work has stopped, or at once if it had not started). */
        default void cancelled() {
        }
    }

    /** A job: made first, so that its outcome can tell whether it is still the one that matters, then started. */
    public static final class Job {
        private volatile Task<?> task;
        private volatile boolean cancelled;
        /** Taken by whichever comes first: the work starting, or a cancel before it started. */
        private final AtomicBoolean claimed = new AtomicBoolean();
        /** Tells the outcome that the job was cancelled (FX thread, once). */
        private Runnable heardCancelled = () -> { };
        /** Whether the outcome has been heard (FX thread). */
        private boolean finished;

        /**
         * Asks the work to stop (interrupting it). Its outcome is then {@link Outcome#cancelled()},
         * heard at once if the work had not started, else once the work has stopped; unless the
         * work had just finished, when it is its result.
         */
        public void cancel() {
            cancelled = true;
            Task<?> t = task;
            if (t != null) {
                boolean beforeStart = claimed.compareAndSet(false, true);
                t.cancel(true);
                if (beforeStart) {
                    heardCancelled.run();
                }
            }
        }

        private void hear(Runnable outcome) {
            if (!finished) {
                finished = true;
                outcome.run();
            }
        }
    }

    /** A daemon thread (it never keeps the JVM alive) named {@code name} that runs {@code task}; not started yet. */
    public static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    /** Jobs whose tasks run on {@code background} (tests: {@code Runnable::run}); outcomes are heard on the FX thread. */
    public Jobs(Executor background) {
        this.background = background;
    }

    /** Jobs on the app's shared daemon threads, each named {@code "background: " + name} while it does one. */
    public static Jobs standard(String name) {
        return new Jobs(task -> inBackground(task, name));
    }

    /**
     * Jobs that run one at a time, in the order started, on a daemon thread of their own named
     * {@code name}: for work on one store whose jobs must not overtake each other (a listing of the
     * run history must not finish after, and so hide, a run added after it started).
     */
    public static Jobs inOrder(String name) {
        return new Jobs(Executors.newSingleThreadExecutor(r -> daemon(r, name)));
    }

    /** Runs {@code task} on one of the app's shared daemon threads, named {@code "background: " + what} while it runs. */
    static void inBackground(Runnable task, String what) {
        THREADS.execute(() -> {
            Thread thread = Thread.currentThread();
            thread.setName("background: " + what);
            try {
                task.run();
            } finally {
                thread.setName("background");
            }
        });
    }

    /** Starts {@code work} as a new job; {@code outcome} hears of it on the FX thread. */
    public <T> Job start(Work<T> work, Outcome<T> outcome) {
        Job job = new Job();
        start(job, work, outcome);
        return job;
    }

    /** Starts {@code work} as {@code job} (a new one); {@code outcome} hears of it on the FX thread. Call on the FX thread. */
    public <T> void start(Job job, Work<T> work, Outcome<T> outcome) {
        Runnable cancelled = () -> job.hear(outcome::cancelled);
        job.heardCancelled = cancelled;
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                if (!job.claimed.compareAndSet(false, true)) {
                    return null;
                }
                try {
                    return work.run(fraction -> updateProgress(fraction, 1));
                } finally {
                    if (isCancelled()) {
                        // heard only now that the work has stopped, so that nothing new starts beside it
                        Platform.runLater(cancelled);
                    }
                }
            }
        };
        task.progressProperty().addListener((obs, old, now) -> {
            if (!job.finished && now.doubleValue() >= 0) {
                outcome.progress(now.doubleValue());
            }
        });
        task.setOnSucceeded(e -> job.hear(() -> outcome.done(task.getValue())));
        task.setOnFailed(e -> job.hear(() -> outcome.failed(task.getException())));
        job.task = task;
        if (job.cancelled) {
            job.cancel();
        }
        background.execute(task);
    }
}
