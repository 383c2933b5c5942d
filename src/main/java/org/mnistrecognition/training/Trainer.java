package org.mnistrecognition.training;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.mnistrecognition.Problems;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.kernels.Kernels;

/**
 * Runs a {@link TrainingConfig} over a data set on the calling thread, telling a
 * {@link TrainingListener} about every iteration and, about ten times a second, a summary.
 * Another thread can pause, resume, slow down or cancel it through its {@link RunControl}, and
 * read a consistent {@link #snapshot() snapshot} of the network while it learns.
 */
public final class Trainer {
    private static final long PROGRESS_NANOS = 100_000_000L;
    private static final int ACCURACY_WINDOW = 1000;
    private static final int SAMPLES_PER_STEP = 32;

    private final TrainingConfig config;
    private final MnistData data;
    private final Network network;
    private final RunControl control;
    private final Kernels kernels;
    private final AtomicReference<Network> snapshot = new AtomicReference<>();
    private volatile boolean snapshots;
    private long checkpointInterval;
    private int workers = Integer.MAX_VALUE;
    private Autosave autosave;
    private DataFingerprint fingerprint;
    /** Where a resumed run starts: samples trained, training seconds, optimiser state (null for a new run). */
    private long startAt;
    private double secondsBefore;
    private List<double[]> restoredOptimiser;

    /** A trainer for a new network initialised from the configuration's seed. */
    public Trainer(TrainingConfig config, MnistData data, RunControl control) {
        this(config, data, Network.initialise(config.architecture(), config.initialisation(), config.seed()), control);
    }

    /** A trainer that goes on training {@code network} (which it then owns). */
    public Trainer(TrainingConfig config, MnistData data, Network network, RunControl control) {
        if (!network.architecture().equals(config.architecture())) {
            throw new IllegalArgumentException("the network is " + network.architecture().describe()
                    + " but the configuration asks for " + config.architecture().describe());
        }
        DataSet training = data.training();
        if (training.size() == 0) {
            throw new IllegalArgumentException("the data set has no training images");
        }
        config.checkFits(training.pixelsPerImage(), training.size());
        this.config = config;
        this.data = data;
        this.network = network;
        this.control = control;
        this.kernels = Kernels.best();
    }

    /** Measures validation accuracy every {@code iterations} samples (0, the default: only at the end). */
    public Trainer checkpointEvery(long iterations) {
        this.checkpointInterval = Math.max(0, iterations);
        return this;
    }

    /**
     * A trainer that goes on with a saved run from where it stopped; with the same configuration
     * (threads included) it ends with the same weights, bit for bit, as the run would have had.
     *
     * @throws IllegalArgumentException if {@code data} is not the data the run was training on
     */
    public static Trainer resume(RunState state, MnistData data, RunControl control) {
        DataFingerprint here = DataFingerprint.of(data);
        if (!state.data().sameImages(here)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the interrupted run trained on other images (%s: %,d training images of %dx%d) than %s (%,d of %dx%d)",
                    state.data().source(), state.data().trainingImages(), state.data().rows(), state.data().cols(),
                    data.source(), here.trainingImages(), here.rows(), here.cols()));
        }
        Trainer trainer = new Trainer(state.config(), data, state.network().copy(), control);
        if (state.iterations() >= state.config().totalIterations(data.training().size())) {
            throw new IllegalArgumentException("the run had already trained all its " + state.iterations() + " samples");
        }
        trainer.startAt = state.iterations();
        trainer.secondsBefore = state.seconds();
        trainer.restoredOptimiser = state.optimiser();
        trainer.fingerprint = here;
        return trainer;
    }

    /** Saves checkpoints of the run as {@code autosave} says (null: none). */
    public Trainer autosave(Autosave autosave) {
        this.autosave = autosave;
        if (autosave != null && fingerprint == null) {
            fingerprint = DataFingerprint.of(data);
        }
        return this;
    }

    /** Samples already trained when the run starts: 0, or where a resumed run stopped. */
    public long startsAt() {
        return startAt;
    }

    /**
     * Runs the configuration's parts (its {@code threads}, which decide the numbers) on at most
     * {@code workers} threads: fewer threads take longer but give the same run, bit for bit.
     */
    public Trainer workers(int workers) {
        this.workers = Math.max(1, workers);
        return this;
    }

    /** Keeps a copy of the network up to date about ten times a second for {@link #snapshot()}. */
    public Trainer publishSnapshots(boolean on) {
        this.snapshots = on;
        if (on) {
            snapshot.compareAndSet(null, network.copy());
        }
        return this;
    }

    /**
     * The latest consistent copy of the network being trained (taken between steps, never
     * half-updated), or {@code null} before snapshots were asked for. Safe from any thread.
     */
    public Network snapshot() {
        return snapshot.get();
    }

    public TrainingConfig config() {
        return config;
    }

    /** The kernels in use, for reports. */
    public Kernels kernels() {
        return kernels;
    }

    /**
     * Runs the whole configuration (or until cancelled or diverged, or from where a resumed run
     * stopped) and evaluates the result.
     */
    public TrainingResult run(TrainingListener listener) throws InterruptedException {
        DataSet training = data.training();
        int size = training.size();
        long total = config.totalIterations(size);
        int batch = config.batchSize();
        SampleOrder order = new SampleOrder(config, size);
        order.skip(startAt);
        // batch-1 SGD runs a few dozen samples per step (each with its own update) unless slowed down
        int stepsOf = config.plainSgd() ? SAMPLES_PER_STEP : batch;
        int[] samples = new int[stepsOf];
        int[] shifts = config.maxShift() > 0 ? new int[2 * stepsOf] : null;
        Engine.Outcome outcome = new Engine.Outcome(stepsOf);
        Network lastGood = network.copy();
        boolean[] recent = new boolean[ACCURACY_WINDOW];
        int recentCount = 0;
        int recentRight = 0;

        long done = startAt;
        long nextCheckpoint = checkpointInterval > 0 ? (startAt / checkpointInterval + 1) * checkpointInterval : Long.MAX_VALUE;
        double costSum = 0;
        long costCount = 0;
        long activeNanos = 0;
        long segmentStart = System.nanoTime();
        long lastProgressAt = segmentStart;
        long lastProgressDone = done;
        long lastProgressActive = 0;
        long lastSavedDone = done;
        long lastSavedAt = segmentStart;
        double rate = config.learningRate();
        TrainingResult.Status status = TrainingResult.Status.COMPLETED;
        try (Engine engine = config.plainSgd()
                ? new SampleEngine(network, config.cost(), training, kernels, config.threads(), workers)
                : new BatchEngine(network, config, training, kernels, workers)) {
            restoreOptimiser(engine);
            while (done < total) {
                int stepSize = config.plainSgd() && control.speed() > 0 ? 1 : stepsOf;
                boolean pausing = control.isPaused();
                if (pausing) {
                    activeNanos += System.nanoTime() - segmentStart;
                }
                boolean stop = control.checkpoint();
                if (pausing) {
                    segmentStart = System.nanoTime();
                }
                if (stop) {
                    status = TrainingResult.Status.CANCELLED;
                    break;
                }
                int count = (int) Math.min(stepSize, total - done);
                order.next(samples, shifts, count);
                rate = config.schedule().rate(config.learningRate(), done, total);
                boolean apply = !(config.originalStepOrder() && done + count >= total);
                engine.step(samples, shifts, count, rate, apply, outcome);
                boolean finite = true;
                for (int s = 0; s < count; s++) {
                    int label = training.label(samples[s]);
                    int guess = outcome.guess()[s];
                    double c = outcome.cost()[s];
                    finite &= Double.isFinite(c);
                    listener.iteration(done + s + 1, samples[s], label, guess, c);
                    costSum += c;
                    int slot = (int) ((done + s) % ACCURACY_WINDOW);
                    if (recentCount == ACCURACY_WINDOW && recent[slot]) {
                        recentRight--;
                    }
                    recent[slot] = label == guess;
                    if (label == guess) {
                        recentRight++;
                    }
                    recentCount = Math.min(ACCURACY_WINDOW, recentCount + 1);
                }
                costCount += count;
                done += count;
                if (!finite) {
                    status = TrainingResult.Status.DIVERGED;
                    break;
                }
                long now = System.nanoTime();
                if (now - lastProgressAt >= PROGRESS_NANOS || done == total || control.isPaused()) {
                    engine.publish();
                    if (!network.isFinite()) {
                        status = TrainingResult.Status.DIVERGED;
                        break;
                    }
                    lastGood.copyFrom(network);
                    if (snapshots) {
                        snapshot.set(network.copy());
                    }
                    long active = activeNanos + (now - segmentStart);
                    double speed = (done - lastProgressDone) / Math.max(1e-9, (active - lastProgressActive) / 1e9);
                    listener.progress(new Progress(done, total, (double) done / size, costSum / Math.max(1, costCount),
                            (double) recentRight / Math.max(1, recentCount), speed, active / 1e9, rate));
                    costSum = 0;
                    costCount = 0;
                    lastProgressAt = now;
                    lastProgressDone = done;
                    lastProgressActive = active;
                }
                if (done >= nextCheckpoint && done < total) {
                    long pauseStart = System.nanoTime();
                    activeNanos += pauseStart - segmentStart;
                    engine.publish();
                    listener.checkpoint(new Checkpoint(done, validationAccuracy()));
                    nextCheckpoint += checkpointInterval;
                    segmentStart = System.nanoTime();
                }
                if (autosave != null && done < total && autosave.due(done - lastSavedDone, now - lastSavedAt)) {
                    long pauseStart = System.nanoTime();
                    activeNanos += pauseStart - segmentStart;
                    save(engine, done, secondsBefore + activeNanos / 1e9, listener);
                    lastSavedDone = done;
                    lastSavedAt = System.nanoTime();
                    segmentStart = lastSavedAt;
                }
            }
            activeNanos += System.nanoTime() - segmentStart;
            engine.publish();
            if (status == TrainingResult.Status.DIVERGED) {
                // back to the last weights that were all finite
                network.copyFrom(lastGood);
            }
            endAutosave(engine, status, done, secondsBefore + activeNanos / 1e9, listener);
        }
        if (snapshots) {
            snapshot.set(network.copy());
        }
        double validation = validationAccuracy();
        if (status == TrainingResult.Status.COMPLETED) {
            listener.checkpoint(new Checkpoint(done, validation));
        }
        // each test image's three likeliest digits, which the app shows, and the accuracy from them
        ImageResults testImages = data.test().isEmpty() ? null : Evaluator.evaluateImages(network, data.test(), (d, t) -> { });
        Evaluation test = testImages != null ? testImages.evaluation() : Evaluator.evaluate(network, data.test());
        return new TrainingResult(network, config, done, status, test, testImages, validation, secondsBefore + activeNanos / 1e9);
    }

    /** Puts a resumed run's optimiser state into the engine, which must have the same arrays. */
    private void restoreOptimiser(Engine engine) {
        if (restoredOptimiser == null) {
            return;
        }
        double[][] live = engine.state();
        if (live.length != restoredOptimiser.size()) {
            throw new IllegalArgumentException("the saved run has " + restoredOptimiser.size()
                    + " optimiser arrays, this configuration " + live.length);
        }
        for (int i = 0; i < live.length; i++) {
            if (live[i].length != restoredOptimiser.get(i).length) {
                throw new IllegalArgumentException("the saved run's optimiser array " + i + " has "
                        + restoredOptimiser.get(i).length + " values, this network " + live[i].length);
            }
        }
        engine.restore(restoredOptimiser.toArray(new double[0][]));
    }

    /** Saves the run as it is now (between steps) to the autosave file; a failure is told, not thrown. */
    private void save(Engine engine, long done, double seconds, TrainingListener listener) {
        engine.publish();
        if (!network.isFinite()) {
            return;
        }
        // saved at once on this thread, so the network and the engine's fresh arrays need no copies
        RunState state = new RunState(config, network, List.of(engine.state()), done, seconds, fingerprint,
                Instant.now().toString(), ProcessHandle.current().pid());
        try {
            RunStateFile.save(autosave.file(), state);
            listener.saved(autosave.file(), done);
        } catch (IOException e) {
            listener.notSaved(autosave.file(), Problems.describe(e));
        }
    }

    /** A run that ended deletes its checkpoint; a stopped one keeps it, up to date, if the autosave says so. */
    private void endAutosave(Engine engine, TrainingResult.Status status, long done, double seconds, TrainingListener listener) {
        if (autosave == null) {
            return;
        }
        if (status == TrainingResult.Status.CANCELLED && autosave.keepsStoppedRuns()) {
            save(engine, done, seconds, listener);
            return;
        }
        try {
            Files.deleteIfExists(autosave.file());
        } catch (IOException e) {
            listener.notSaved(autosave.file(), "cannot delete the finished run's checkpoint: " + Problems.describe(e));
        }
    }

    private double validationAccuracy() {
        return data.validation().size() > 0 ? Evaluator.evaluate(network, data.validation()).accuracy() : Double.NaN;
    }
}
