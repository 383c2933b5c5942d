package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;

/**
 * Impossible settings are refused by the core, with a message and the setting at fault, before a
 * run starts; the command line and the app show these same refusals.
 */
class SettingsTest {
    private static final TrainingConfig SEED = Preset.SEED.config(1);

    private static SettingException refused(Setting setting, String fragment, Executable action) {
        SettingException e = assertThrows(SettingException.class, action);
        assertEquals(setting, e.setting(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' in: " + e.getMessage());
        return e;
    }

    private static Architecture layers(Integer... sizes) {
        return new Architecture(List.of(sizes), Activation.SIGMOID, Activation.SIGMOID, false);
    }

    @Test
    void zeroOrNegativeLayerSizes() {
        for (List<Integer> sizes : List.of(List.of(784, 0, 10), List.of(784, -5, 10), List.of(0, 10), List.of(784, 200, -10))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Architecture(sizes, Activation.SIGMOID, Activation.SIGMOID, false));
            assertEquals("layer sizes must be positive, got " + sizes, e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> layers(784));
    }

    @Test
    void aFirstLayerThatIsNotTheImageSize() {
        TrainingConfig config = SEED.withArchitecture(layers(100, 30, 10));
        refused(Setting.LAYERS, "the first layer must have 784 units, one per image pixel, got 100",
                () -> config.checkFits(784, 50_000));
        refused(Setting.LAYERS, "the first layer must have 64 units",
                () -> new Trainer(SEED, SyntheticData.create(), new RunControl()));
    }

    @Test
    void aLastLayerThatIsNotOneUnitPerDigit() {
        refused(Setting.LAYERS, "the last layer must have 10 units, one per digit, got 9",
                () -> SEED.withArchitecture(layers(784, 30, 9)).checkFits(784, 50_000));
    }

    @Test
    void aBatchLargerThanTheData() {
        TrainingConfig config = Preset.BEST.config(1).withBatchSize(50_001);
        refused(Setting.BATCH_SIZE, "the batch size 50,001 is larger than the training set (50,000 images)",
                () -> config.checkFits(784, 50_000));
        config.withBatchSize(50_000).checkFits(784, 50_000);
        TrainingConfig small = config.withArchitecture(new Architecture(List.of(64, 16, 10), Activation.RELU,
                Activation.SOFTMAX, true)).withBatchSize(401);
        refused(Setting.BATCH_SIZE, "larger than the training set (400 images)",
                () -> new Trainer(small, SyntheticData.create(), new RunControl()));
        refused(Setting.BATCH_SIZE, "at least 1, got 0", () -> SEED.withBatchSize(0));
        refused(Setting.BATCH_SIZE, "at least 1, got -3", () -> SEED.withBatchSize(-3));
    }

    @Test
    void aLearningRateOfZeroOrWorse() {
        refused(Setting.LEARNING_RATE, "the learning rate must be a positive number, got 0.0", () -> SEED.withLearningRate(0));
        refused(Setting.LEARNING_RATE, "got -0.1", () -> SEED.withLearningRate(-0.1));
        refused(Setting.LEARNING_RATE, "got NaN", () -> SEED.withLearningRate(Double.NaN));
        refused(Setting.LEARNING_RATE, "got Infinity", () -> SEED.withLearningRate(Double.POSITIVE_INFINITY));
    }

    @Test
    void otherImpossibleSettings() {
        refused(Setting.LENGTH, "positive number of iterations or epochs", () -> SEED.withIterations(0));
        refused(Setting.LENGTH, "positive number of iterations or epochs", () -> SEED.withEpochs(-1));
        refused(Setting.LENGTH, "1.0E-9 epochs of 50,000 training images is not even one sample",
                () -> SEED.withEpochs(1e-9).checkFits(784, 50_000));
        SEED.withEpochs(1e-4).checkFits(784, 50_000);
        refused(Setting.MOMENTUM, "momentum must be in [0, 1)", () -> SEED.withMomentum(1));
        refused(Setting.THREADS, "threads must be 1 to 64, got 0", () -> SEED.withThreads(0));
        refused(Setting.THREADS, "got 65", () -> SEED.withThreads(65));
        refused(Setting.COST, "the cross-entropy cost needs a sigmoid or softmax output",
                () -> SEED.withArchitecture(new Architecture(List.of(784, 30, 10), Activation.RELU, Activation.RELU, true))
                        .withCost(org.mnistrecognition.network.Cost.CROSS_ENTROPY));
    }

    @Test
    void aNetworkTooLargeForAnArrayOrTheMemory() {
        refused(Setting.LAYERS, "would need 4,000,000,000 weights between them",
                () -> SEED.withArchitecture(layers(784, 2_000_000, 2_000, 10)));
        // a billion weights: 8 GB for the network alone, more than the tests' 2 GB heap
        refused(Setting.LAYERS, "MB of memory to train, more than the",
                () -> SEED.withArchitecture(layers(784, 1_000_000, 1_000, 10)).checkFits(784, 50_000));
        refused(Setting.BATCH_SIZE, "with batches of 5,000,000 needs about",
                () -> Preset.BEST.config(1).withBatchSize(5_000_000).checkFits(784, 6_000_000));
    }

    @Test
    void thePresetsFit() {
        for (Preset p : Preset.values()) {
            p.config(1).checkFits(784, 50_000);
        }
    }
}
