package org.mnistrecognition.training;

import org.mnistrecognition.network.Network;

/**
 * How a run ended.
 *
 * @param network the trained network (the last finite weights if the run diverged)
 * @param config the configuration it ran
 * @param iterations samples trained
 * @param status completed, cancelled or diverged
 * @param test accuracy on the test set (empty confusion if there is none)
 * @param validationAccuracy accuracy on the validation set, NaN if there is none
 * @param seconds training time, pauses and the final evaluation excluded
 */
public record TrainingResult(Network network, TrainingConfig config, long iterations, Status status,
                             Evaluation test, double validationAccuracy, double seconds) {

    /** How a run ended. */
    public enum Status {
        COMPLETED, CANCELLED, DIVERGED
    }

    public double samplesPerSecond() {
        return seconds > 0 ? iterations / seconds : 0;
    }
}
