package org.mnistrecognition.training;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link Trainer} tells about a run, on the training thread; implementations must be quick
 * and must not block (the app queues the events and drains the queue on the FX thread).
 */
public interface TrainingListener {

    /**
     * One trained sample, the original program's printed line: the iteration number (1-based),
     * the sample's true label, the network's guess and the cost, as the network was before this
     * sample's update.
     *
     * @param sampleIndex the position of the sample in the training set
     */
    default void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
    }

    /** A periodic summary (about ten a second, and once at the end). */
    default void progress(Progress progress) {
    }

    /** Accuracy on the validation set, measured at regular points of the run. */
    default void checkpoint(Checkpoint checkpoint) {
    }

    /** The run was saved to {@code file} (see {@link Autosave}) after {@code iteration} samples. */
    default void saved(Path file, long iteration) {
    }

    /** The run could not be saved to {@code file}, for the reason given; it goes on. */
    default void notSaved(Path file, String problem) {
    }

    /** One listener that tells each of {@code listeners} (nulls left out) everything, in that order. */
    static TrainingListener all(TrainingListener... listeners) {
        TrainingListener[] each = Arrays.stream(listeners).filter(Objects::nonNull)
                .toArray(TrainingListener[]::new);
        return new TrainingListener() {
            @Override
            public void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
                for (TrainingListener l : each) {
                    l.iteration(iteration, sampleIndex, actual, guess, cost);
                }
            }

            @Override
            public void progress(Progress progress) {
                for (TrainingListener l : each) {
                    l.progress(progress);
                }
            }

            @Override
            public void checkpoint(Checkpoint checkpoint) {
                for (TrainingListener l : each) {
                    l.checkpoint(checkpoint);
                }
            }

            @Override
            public void saved(Path file, long iteration) {
                for (TrainingListener l : each) {
                    l.saved(file, iteration);
                }
            }

            @Override
            public void notSaved(Path file, String problem) {
                for (TrainingListener l : each) {
                    l.notSaved(file, problem);
                }
            }
        };
    }
}
