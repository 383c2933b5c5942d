package org.mnistrecognition.training;

import java.util.List;
import java.util.Objects;
import org.mnistrecognition.network.Network;

/**
 * Everything needed to go on with a run from where it stopped and end with the same weights, bit
 * for bit, as a run that never stopped: its configuration, the network, the optimiser's state and
 * the number of samples trained (the sample order and augmentation are replayed from the seed).
 * Taken between steps, on the training thread; saved as a checkpoint by {@link RunStateFile}.
 *
 * @param config the run's configuration
 * @param network the weights after {@code iterations} samples (owned by this state)
 * @param optimiser the momentum velocities (see {@link Engine#state()}), empty without momentum
 * @param iterations samples trained so far
 * @param seconds training time so far, pauses excluded
 * @param data what it trains on
 * @param savedAt when the state was taken, ISO-8601
 * @param pid the process that was training
 */
public record RunState(TrainingConfig config, Network network, List<double[]> optimiser, long iterations, double seconds,
                       DataFingerprint data, String savedAt, long pid) {

    public RunState {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(savedAt, "savedAt");
        optimiser = List.copyOf(optimiser);
        if (!network.architecture().equals(config.architecture())) {
            throw new IllegalArgumentException("the network is " + network.architecture().describe() + " but the configuration "
                    + config.architecture().describe());
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must not be negative, got " + iterations);
        }
    }

    /** The same state, to go on with {@code threads} training threads (batch-1 runs then differ in the last bits). */
    public RunState withThreads(int threads) {
        return new RunState(config.withThreads(threads), network, optimiser, iterations, seconds, data, savedAt, pid);
    }

    /** The number of samples the whole run trains on. */
    public long totalIterations() {
        return config.totalIterations(data.trainingImages());
    }
}
