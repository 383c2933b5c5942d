package org.mnistrecognition.training;

/** One way of running SGD steps over a network; not thread-safe, owned by one {@link Trainer}. */
interface Engine extends AutoCloseable {

    /**
     * Trains on {@code count} samples as one step: forward, back-propagation and (if {@code apply})
     * the update, and reports each sample's label, guess and cost into {@code outcome}.
     *
     * @param samples the training-set positions of the samples, {@code count} from 0
     * @param shifts the augmentation shifts, {@code dx, dy} per sample, or {@code null}
     * @param learningRate the step size for this step
     * @param apply whether to update the weights (false only for the original's unapplied last gradient)
     */
    void step(int[] samples, int[] shifts, int count, double learningRate, boolean apply, Outcome outcome);

    /**
     * Writes the weights this engine trains into the network, for an engine that trains a copy of
     * its own; the trainer calls it before it reads the network (for a snapshot, a validation, a
     * checkpoint, the result). Nothing to do for an engine that trains the network itself.
     */
    default void publish() {
    }

    /**
     * The optimiser's state beyond the weights, as it is now, in new arrays the caller may keep: the
     * momentum velocities {@code vW_1, vb_1, vW_2, vb_2, ...} shaped like each layer's weights
     * ({@code inputs × outputs}) and biases ({@code outputs}); none without momentum.
     */
    default double[][] state() {
        return new double[0][];
    }

    /**
     * Puts back a state that {@link #state()} gave, array for array (the caller checked the shapes);
     * nothing to do for an engine without one.
     */
    default void restore(double[][] saved) {
    }

    @Override
    default void close() {
    }

    /**
     * Per-sample results of the last step.
     *
     * @param guess the network's guess for each sample of the step
     * @param cost the cost of each sample of the step
     */
    record Outcome(int[] guess, double[] cost) {
        Outcome(int capacity) {
            this(new int[capacity], new double[capacity]);
        }
    }
}
