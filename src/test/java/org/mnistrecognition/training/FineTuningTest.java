package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Network;

/** Fine-tuning on a person's digits: the mix, the configuration, and a tuning that learns them without forgetting. */
class FineTuningTest {

    /** The first {@code n} synthetic training images mirrored left to right: the same digits, written differently. */
    private static DataSet mirrored(DataSet training, int n) {
        byte[] pixels = new byte[n * 64];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    pixels[i * 64 + r * 8 + c] = training.pixels()[i * 64 + r * 8 + (7 - c)];
                }
            }
            labels[i] = (byte) training.label(i);
        }
        return new DataSet("mine", 8, 8, pixels, labels);
    }

    @Test
    void theMixHoldsEveryPersonalDigitRepeatedAndThriceAsManyDistinctMnistImages() {
        MnistData data = SyntheticData.create();
        DataSet mine = mirrored(data.training(), 20);
        DataSet mix = FineTuning.mix(mine, data.training(), 5);
        int repeats = FineTuning.repeats(20);
        assertEquals(50, repeats);
        assertEquals((1 + FineTuning.MNIST_SHARE) * 20 * repeats, mix.size());
        for (int k = 0; k < 20 * repeats; k++) {
            assertArrayEquals(Arrays.copyOfRange(mine.pixels(), (k % 20) * 64, (k % 20 + 1) * 64),
                    Arrays.copyOfRange(mix.pixels(), k * 64, (k + 1) * 64));
            assertEquals(mine.label(k % 20), mix.label(k));
        }
        // 3,000 MNIST picks from a training set of 400: with repeats; from a large enough set, none
        assertEquals(1, FineTuning.repeats(5000));
        assertEquals(FineTuning.MAX_REPEATS, FineTuning.repeats(1));
        DataSet big = FineTuning.mix(mirrored(data.training(), 2), repeat(data.training(), 10), 1);
        assertEquals(100 + 300, big.size());
        Set<String> distinct = new HashSet<>();
        for (int k = 100; k < 400; k++) {
            distinct.add(Arrays.toString(Arrays.copyOfRange(big.pixels(), k * 64, (k + 1) * 64)));
        }
        assertEquals(300, distinct.size(), "no MNIST image twice while there are enough");
        assertArrayEquals(mix.pixels(), FineTuning.mix(mine, data.training(), 5).pixels(), "the same seed, the same mix");
    }

    private static DataSet repeat(DataSet d, int times) {
        byte[] pixels = new byte[d.pixels().length * times];
        byte[] labels = new byte[d.size() * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(d.pixels(), 0, pixels, t * d.pixels().length, d.pixels().length);
            System.arraycopy(d.labels(), 0, labels, t * d.size(), d.size());
        }
        // distinct images: the copy number in the last pixel
        for (int i = 0; i < labels.length; i++) {
            pixels[i * 64 + 63] = (byte) (i / d.size() * 20 + 1);
        }
        return new DataSet("many", 8, 8, pixels, labels);
    }

    @Test
    void refusesAnEmptySetOrImagesOfAnotherSize() {
        MnistData data = SyntheticData.create();
        assertThrows(IllegalArgumentException.class, () -> FineTuning.mix(DataSet.empty("mine", 8, 8), data.training(), 1));
        assertThrows(IllegalArgumentException.class, () -> FineTuning.mix(DataSet.empty("mine", 28, 28), data.training(), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FineTuning.mix(new DataSet("mine", 28, 28, new byte[784], new byte[1]), data.training(), 1));
        assertEquals("your digits are 28x28 but the training images are 8x8", e.getMessage());
    }

    @Test
    void theConfigurationKeepsTheNetworkAndPicksItsCost() {
        Network softmax = Network.initialise(TrainerTest.small(Preset.BEST).architecture(),
                org.mnistrecognition.network.Initialisation.HE, 1);
        TrainingConfig c = FineTuning.config(softmax, new FineTuning.Plan(3, 1, 9));
        assertEquals(softmax.architecture(), c.architecture());
        assertEquals(Cost.CROSS_ENTROPY, c.cost());
        assertEquals(3, c.epochs());
        assertEquals(1, c.threads());
        assertEquals(1, c.maxShift());
        assertThrows(IllegalArgumentException.class, () -> new FineTuning.Plan(0, 1, 1));
        TrainingConfig seed = FineTuning.config(Network.initialise(Preset.SEED.config(1).architecture(),
                org.mnistrecognition.network.Initialisation.ORIGINAL, 1), new FineTuning.Plan(1, 0, 9));
        assertEquals(Activation.SIGMOID, seed.architecture().output());
        assertEquals(Cost.QUADRATIC, seed.cost());
    }

    @Test
    void tuningLearnsThePersonalDigitsAndKeepsTheTestAccuracy() throws Exception {
        MnistData data = SyntheticData.create();
        // no shifts: a synthetic digit is told by which row is lit, so a shifted one is another digit
        Network base = new Trainer(TrainerTest.small(Preset.BEST).withMaxShift(0), data, new RunControl())
                .run(new TrainingListener() { }).network();
        DataSet mine = mirrored(data.training(), 20);
        FineTuning.Result r = FineTuning.run(base, mine, data, new FineTuning.Plan(3, 0, 11), new RunControl(),
                new TrainingListener() { });
        assertNotSame(base, r.network());
        assertEquals(Evaluator.evaluate(base, mine).correct(), r.personalBefore().correct(), "the original is left as it was");
        assertTrue(r.personalBefore().accuracy() < 0.9, "mirrored digits fool the base network: " + r.personalBefore().accuracy());
        assertEquals(1.0, r.personalAfter().accuracy(), "learnt: " + r.personalAfter().accuracy());
        assertEquals(Evaluator.meanProbabilityOfLabel(base, mine), r.sureBefore(), 1e-12);
        assertTrue(r.sureAfter() > r.sureBefore() && r.sureAfter() > 0.5, r.sureBefore() + " -> " + r.sureAfter());
        assertTrue(r.testBefore().accuracy() > 0.9, "the base network has learnt: " + r.testBefore().accuracy());
        assertTrue(r.testAfter().accuracy() >= r.testBefore().accuracy() - 0.05,
                "test accuracy " + r.testBefore().accuracy() + " -> " + r.testAfter().accuracy());
        assertEquals(TrainingResult.Status.COMPLETED, r.training().status());
        assertEquals(3L * (1 + FineTuning.MNIST_SHARE) * 20 * FineTuning.repeats(20), r.training().iterations());
    }
}
