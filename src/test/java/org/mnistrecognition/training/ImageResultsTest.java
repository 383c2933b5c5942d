package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.Prediction;

/** Per-image results: the same guesses as the confusion matrix, ranked classes, cells and mistakes by confidence. */
class ImageResultsTest {
    private static Network network(Activation output, long seed) {
        return Network.initialise(new Architecture(List.of(64, 12, 10), Activation.SIGMOID, output, true),
                Initialisation.XAVIER, seed);
    }

    /** 3,000 images (enough for two worker threads): the synthetic set's images repeated. */
    private static DataSet many() {
        MnistData d = SyntheticData.create();
        DataSet t = d.training();
        int n = 3000;
        byte[] pixels = new byte[n * 64];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(t.pixels(), (i % t.size()) * 64, pixels, i * 64, 64);
            labels[i] = (byte) t.label(i % t.size());
        }
        return new DataSet("many", 8, 8, pixels, labels);
    }

    @Test
    void agreesWithTheConfusionMatrixAndWithReadingEachImage() throws Exception {
        for (Activation output : new Activation[] {Activation.SOFTMAX, Activation.SIGMOID}) {
            Network network = network(output, 7);
            DataSet data = many();
            ImageResults r = Evaluator.evaluateImages(network, data, (done, total) -> { });
            assertEquals(3, r.ranks());
            assertEquals(data.size(), r.size());
            assertArrayEquals(flat(Evaluator.evaluate(network, data).confusion()), flat(r.evaluation().confusion()));
            double[] image = new double[64];
            for (int i = 0; i < data.size(); i += 97) {
                data.copyImage(i, image);
                Prediction p = network.read(image);
                assertEquals(p.digit(), r.guess(i), "image " + i);
                assertEquals(p.confidence(), r.confidence(i), 1e-6);
                assertEquals(data.label(i), r.label(i));
                assertTrue(r.probability(i, 0) >= r.probability(i, 1) && r.probability(i, 1) >= r.probability(i, 2));
                assertNotEquals(r.top(i, 0), r.top(i, 1));
                assertNotEquals(r.top(i, 1), r.top(i, 2));
                assertEquals(p.probabilities()[r.top(i, 2)], r.probability(i, 2), 1e-6);
            }
        }
    }

    private static int[] flat(int[][] m) {
        return java.util.Arrays.stream(m).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    @Test
    void theMeanProbabilityOfTheLabelIsTheAverageOfEachImages() {
        Network network = network(Activation.SOFTMAX, 4);
        DataSet data = SyntheticData.create().test();
        double sum = 0;
        double[] image = new double[64];
        for (int i = 0; i < data.size(); i++) {
            data.copyImage(i, image);
            sum += network.read(image).probabilities()[data.label(i)];
        }
        assertEquals(sum / data.size(), Evaluator.meanProbabilityOfLabel(network, data), 1e-12);
        assertTrue(Double.isNaN(Evaluator.meanProbabilityOfLabel(network, DataSet.empty("none", 8, 8))));
    }

    @Test
    void reportsProgressUpToTheTotal() throws Exception {
        AtomicInteger last = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        ImageResults r = Evaluator.evaluateImages(network(Activation.SOFTMAX, 1), many(), (done, total) -> {
            assertEquals(3000, total);
            last.accumulateAndGet(done, Math::max);
            calls.incrementAndGet();
        });
        assertEquals(3000, last.get());
        assertTrue(calls.get() >= 3000 / 250, "progress every few hundred images, got " + calls.get() + " calls");
        assertEquals(3000, r.size());
    }

    @Test
    void cellsAndMistakesComeMostConfidentFirst() throws Exception {
        ImageResults r = Evaluator.evaluateImages(network(Activation.SOFTMAX, 3), many(), (done, total) -> { });
        Evaluation e = r.evaluation();
        int[] mistakes = r.mistakes();
        assertEquals(e.total() - e.correct(), mistakes.length);
        assertTrue(mistakes.length > 100, "an untrained network makes many mistakes");
        for (int k = 0; k < mistakes.length; k++) {
            assertTrue(!r.right(mistakes[k]));
            if (k > 0) {
                assertTrue(r.confidence(mistakes[k - 1]) >= r.confidence(mistakes[k]));
            }
        }
        int cells = 0;
        for (int a = 0; a < 10; a++) {
            for (int g = 0; g < 10; g++) {
                int[] cell = r.cell(a, g);
                assertEquals(e.confusion()[a][g], cell.length, "cell " + a + "," + g);
                for (int k = 0; k < cell.length; k++) {
                    assertEquals(a, r.label(cell[k]));
                    assertEquals(g, r.guess(cell[k]));
                    if (k > 0) {
                        assertTrue(r.confidence(cell[k - 1]) >= r.confidence(cell[k]));
                    }
                }
                cells += cell.length;
            }
        }
        assertEquals(r.size(), cells);
    }

    @Test
    void refusesImagesThatDoNotFitTheNetwork() {
        Network network = Network.initialise(new Architecture(List.of(784, 8, 10), Activation.RELU, Activation.SOFTMAX, true),
                Initialisation.HE, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluator.evaluateImages(network, many(), (done, total) -> { }));
        assertEquals("the network takes 784 inputs but the many images have 64 pixels (8x8)", e.getMessage());
    }

    @Test
    void anInterruptedEvaluationStops() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class,
                    () -> Evaluator.evaluateImages(network(Activation.SOFTMAX, 1), many(), (done, total) -> { }));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void precisionRecallAndF1() {
        Evaluation e = new Evaluation(new int[][] {{8, 2}, {4, 6}});
        assertEquals(10, e.actual(0));
        assertEquals(12, e.guessed(0));
        assertEquals(8 / 12.0, e.precision(0), 1e-12);
        assertEquals(0.8, e.recall(0), 1e-12);
        double p = 8 / 12.0;
        assertEquals(2 * p * 0.8 / (p + 0.8), e.f1(0), 1e-12);
        assertTrue(Double.isNaN(new Evaluation(new int[][] {{0, 0}, {0, 3}}).f1(0)));
    }
}
