package org.mnistrecognition.app.training;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mnistrecognition.training.Checkpoint;
import org.mnistrecognition.training.Progress;
import org.mnistrecognition.training.TrainingListener;

/**
 * Carries a run's events from the training thread to the UI thread in batches. The trainer calls
 * it for every sample; it stores the sample in a {@link SampleStream} and makes sure ONE drain is
 * pending on the UI executor, at most {@link #DRAINS_PER_SECOND} a second. The UI thread then
 * {@link #drain(Sink) drains} everything that arrived.
 */
final class TrainingFeed implements TrainingListener {
    /** How often at most the UI takes in a batch. */
    static final int DRAINS_PER_SECOND = 30;
    private static final long MIN_NANOS_BETWEEN_DRAINS = 1_000_000_000L / DRAINS_PER_SECOND;
    private static final ScheduledExecutorService DELAYS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "training-feed-timer");
        t.setDaemon(true);
        return t;
    });

    /** What the UI thread receives: the samples first, then the summaries. */
    interface Sink extends SampleStream.Sink {
        void progress(Progress progress);

        void checkpoint(Checkpoint checkpoint);

        /** The run was saved (see {@link TrainingListener#saved}). */
        default void saved(Saved saved) {
        }
    }

    /**
     * A checkpoint save: done, or failed with {@code problem}.
     *
     * @param file where the run is saved
     * @param iteration samples trained when it was saved
     * @param problem why it could not be saved, or null
     */
    record Saved(Path file, long iteration, String problem) {
    }

    private final SampleStream samples = new SampleStream();
    private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Executor ui;
    private final Runnable onUi;
    private volatile long lastDrainAt = System.nanoTime() - MIN_NANOS_BETWEEN_DRAINS;

    /**
     * @param ui runs work on the UI thread ({@code Platform::runLater})
     * @param drainer what the UI thread runs to take in a batch; it calls {@link #drain(Sink)}
     */
    TrainingFeed(Executor ui, Runnable drainer) {
        this.ui = ui;
        this.onUi = () -> {
            pending.set(false);
            lastDrainAt = System.nanoTime();
            drainer.run();
        };
    }

    @Override
    public void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
        samples.add(sampleIndex, actual, guess, cost);
        if (!pending.get()) {
            request();
        }
    }

    @Override
    public void progress(Progress progress) {
        events.offer(progress);
        request();
    }

    @Override
    public void checkpoint(Checkpoint checkpoint) {
        events.offer(checkpoint);
        request();
    }

    @Override
    public void saved(Path file, long iteration) {
        events.offer(new Saved(file, iteration, null));
        request();
    }

    @Override
    public void notSaved(Path file, String problem) {
        events.offer(new Saved(file, -1, problem));
        request();
    }

    private void request() {
        if (pending.compareAndSet(false, true)) {
            long wait = lastDrainAt + MIN_NANOS_BETWEEN_DRAINS - System.nanoTime();
            if (wait <= 0) {
                ui.execute(onUi);
            } else {
                DELAYS.schedule(() -> ui.execute(onUi), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Hands everything that arrived since the last drain to {@code sink}; on the UI thread only. */
    void drain(Sink sink) {
        drain(sink, true);
    }

    /**
     * Hands {@code sink} the summaries that arrived, and the samples too if {@code withSamples}
     * (else they wait, in order, for a later drain).
     */
    void drain(Sink sink, boolean withSamples) {
        if (withSamples) {
            samples.drain(sink);
        }
        for (Object e = events.poll(); e != null; e = events.poll()) {
            if (e instanceof Progress p) {
                sink.progress(p);
            } else if (e instanceof Checkpoint c) {
                sink.checkpoint(c);
            } else if (e instanceof Saved saved) {
                sink.saved(saved);
            }
        }
    }
}
