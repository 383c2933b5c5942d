package org.mnistrecognition.history;

import java.util.List;
import org.mnistrecognition.training.TrainingConfig;

/**
 * The settings of a run as its history keeps them (names, not types, so that old records stay
 * readable).
 *
 * @param preset {@code seed}, {@code seed-fixed}, {@code best}, {@code custom}...
 * @param layers units per layer, input first
 * @param hidden the hidden layers' activation id
 * @param output the output layer's activation id
 * @param bias whether the network adds biases
 * @param cost the cost id
 * @param initialisation the initialisation id
 * @param learningRate the (initial) learning rate
 * @param batchSize samples per step
 * @param momentum classical momentum, 0 for none
 * @param weightDecay L2 penalty, 0 for none
 * @param schedule the learning-rate schedule's name
 * @param iterations samples asked for, 0 when {@code epochs} is used
 * @param epochs passes asked for, used when {@code iterations} is 0
 * @param seed the run's seed
 * @param threads worker threads
 */
public record RunSettings(String preset, List<Integer> layers, String hidden, String output, boolean bias, String cost,
                          String initialisation, double learningRate, int batchSize, double momentum, double weightDecay,
                          String schedule, long iterations, double epochs, long seed, int threads) {

    public RunSettings {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /** The settings of {@code config}. */
    public static RunSettings of(TrainingConfig config) {
        return new RunSettings(config.preset(), config.architecture().sizes(), config.architecture().hidden().id(),
                config.architecture().output().id(), config.architecture().bias(), config.cost().id(),
                config.initialisation().id(), config.learningRate(), config.batchSize(), config.momentum(),
                config.weightDecay(), config.schedule().id(), config.iterations(),
                config.epochs(), config.seed(), config.threads());
    }

    /** {@code 784-200-200-10}. */
    public String describeLayers() {
        StringBuilder b = new StringBuilder();
        for (int s : layers) {
            b.append(b.length() == 0 ? "" : "-").append(s);
        }
        return b.toString();
    }
}
