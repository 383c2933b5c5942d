package org.mnistrecognition.app.training;

import org.mnistrecognition.app.Jobs;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.training.Checkpoint;
import org.mnistrecognition.training.Progress;
import org.mnistrecognition.training.RunControl;
import org.mnistrecognition.training.Trainer;
import org.mnistrecognition.training.TrainingConfig;

/**
 * A short throw-away run in the background, so that the JIT compiler has compiled the training
 * code before the first real run. In the window the compiler is also busy with the user
 * interface's code, and a first run that started cold trained at half the speed of the next ones
 * (about 19,000 samples/s against 37,000 for 300,000 iterations of the seed preset, measured on
 * two cores), where the command line, with nothing else to compile, loses little.
 *
 * <p>It trains a network of its own (the model in use is never touched) through a feed like a
 * real run's, whose samples are thrown away, on the training images only: with no validation or
 * test images to evaluate at its end, {@link #stop()} ends it within one step.
 */
final class WarmUp {
    /** The samples it trains on, unless stopped: a second or two once compiled. */
    static final long ITERATIONS = 20_000;

    private static final TrainingFeed.Sink DISCARD = new TrainingFeed.Sink() {
        @Override
        public void samples(int[] sample, byte[] actual, byte[] guess, float[] cost, int from, int to) {
        }

        @Override
        public void progress(Progress progress) {
        }

        @Override
        public void checkpoint(Checkpoint checkpoint) {
        }
    };

    private final RunControl control = new RunControl();
    private final Thread thread;
    private volatile long trained = -1;

    /**
     * A warm-up of {@code config} (shortened to {@link #ITERATIONS} samples) on {@code data}'s
     * training images with {@code workers} threads, as a run would train; call {@link #start()}.
     *
     * @throws IllegalArgumentException if the configuration does not fit the data
     */
    WarmUp(TrainingConfig config, MnistData data, int workers) {
        this(config, data, workers, ITERATIONS);
    }

    /** A warm-up of {@code iterations} samples (tests). */
    WarmUp(TrainingConfig config, MnistData data, int workers, long iterations) {
        DataSet images = data.training();
        MnistData trainingOnly = new MnistData(images, DataSet.empty("validation", images.rows(), images.cols()),
                DataSet.empty("test", images.rows(), images.cols()), data.source());
        Trainer trainer = new Trainer(config.withIterations(iterations), trainingOnly, control).workers(workers);
        TrainingFeed[] feed = new TrainingFeed[1];
        feed[0] = new TrainingFeed(Runnable::run, () -> feed[0].drain(DISCARD));
        thread = Jobs.daemon(() -> {
            try {
                trained = trainer.run(feed[0]).iterations();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // nothing depends on a warm-up: a real run with these settings reports its own failure
            }
        }, "training-warm-up");
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    void start() {
        thread.start();
    }

    /** Ends the warm-up at its next step (at once if it is over or never started); does not wait. */
    void stop() {
        control.cancel();
    }

    /** The samples it trained on, once it has ended normally or stopped; -1 before (tests). */
    long trained() {
        return trained;
    }

    /** Waits up to {@code millis} for the warm-up to end; whether it has (tests). */
    boolean awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }
}
