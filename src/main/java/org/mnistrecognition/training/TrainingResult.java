package org.mnistrecognition.training;

import java.time.Instant;
import org.mnistrecognition.model.ModelMetadata;
import org.mnistrecognition.network.Network;

/**
 * How a run ended.
 *
 * @param network the trained network (the last finite weights if the run diverged)
 * @param config the configuration it ran
 * @param iterations samples trained
 * @param status completed, cancelled or diverged
 * @param test accuracy on the test set (empty confusion if there is none)
 * @param testImages what the network made of each test image, or null if there are none
 * @param validationAccuracy accuracy on the validation set, NaN if there is none
 * @param seconds training time, pauses and the final evaluation excluded
 */
public record TrainingResult(Network network, TrainingConfig config, long iterations, Status status,
                             Evaluation test, ImageResults testImages, double validationAccuracy, double seconds) {

    /** How a run ended. */
    public enum Status {
        COMPLETED, CANCELLED, DIVERGED
    }

    public double samplesPerSecond() {
        return seconds > 0 ? iterations / seconds : 0;
    }

    /** What a model file says about this run: its configuration and results, trained on {@code dataSource} at {@code when}. */
    public ModelMetadata metadata(String dataSource, Instant when) {
        ModelMetadata.Training training = new ModelMetadata.Training(iterations,
                config.iterations() > 0 ? Double.NaN : config.epochs(), config.learningRate(), config.batchSize(),
                config.momentum(), test.accuracy(), validationAccuracy, seconds, samplesPerSecond(), when.toString(),
                dataSource);
        return ModelMetadata.of(network, config.cost(), config.preset(), config.seed(), config.initialisation(), training);
    }
}
