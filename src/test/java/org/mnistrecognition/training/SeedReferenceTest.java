package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Network;

/**
 * The seed preset follows the original numpy program to 1e-10 from the same initial weights:
 * seed-reference.json holds a tiny run of the original algorithm computed by make_reference.py
 * (beside it), with every iteration's cost and guess and the final weights.
 */
class SeedReferenceTest {

    /** The fixture's fields, as make_reference.py writes them. */
    static final class Reference {
        List<Integer> sizes;
        double learningRate;
        int iterations;
        int[][] images;
        int[] labels;
        double[][][] initialWeights;
        double[] costs;
        int[] guesses;
        double[][][] finalWeights;
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void followsTheOriginalProgram(int threads) throws Exception {
        Reference ref = load();
        Architecture arch = Preset.SEED.config(1).architecture();
        arch = new Architecture(ref.sizes, arch.hidden(), arch.output(), arch.bias());
        List<DMatrixRMaj> weights = new ArrayList<>();
        List<DMatrixRMaj> biases = new ArrayList<>();
        for (double[][] w : ref.initialWeights) {
            weights.add(inputMajor(w));
            biases.add(new DMatrixRMaj(1, w.length));
        }
        Network network = Network.of(arch, weights, biases);
        int side = (int) Math.sqrt(ref.sizes.get(0));
        byte[] pixels = new byte[ref.images.length * side * side];
        byte[] labels = new byte[ref.images.length];
        for (int i = 0; i < ref.images.length; i++) {
            for (int p = 0; p < side * side; p++) {
                pixels[i * side * side + p] = (byte) ref.images[i][p];
            }
            labels[i] = (byte) ref.labels[i];
        }
        DataSet data = new DataSet("reference", side, side, pixels, labels);
        MnistData mnist = new MnistData(data, data.slice(0, 0, "none"), data.slice(0, 0, "none"), "reference");
        TrainingConfig config = Preset.SEED.config(1).withArchitecture(arch).withPreset("seed")
                .withIterations(ref.iterations).withThreads(threads);
        assertEquals(ref.learningRate, config.learningRate());

        List<double[]> seen = new ArrayList<>();
        new Trainer(config, mnist, network, new RunControl()).run(new TrainingListener() {
            @Override
            public void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
                seen.add(new double[] {iteration, sampleIndex, actual, guess, cost});
            }
        });

        assertEquals(ref.iterations, seen.size());
        for (int i = 0; i < ref.iterations; i++) {
            double[] row = seen.get(i);
            assertEquals(i + 1, (long) row[0]);
            assertEquals(i % ref.images.length, (int) row[1], "in order over the training set");
            assertEquals(ref.labels[i % ref.images.length], (int) row[2]);
            assertEquals(ref.guesses[i], (int) row[3], "guess at iteration " + (i + 1));
            assertEquals(ref.costs[i], row[4], 1e-10, "cost at iteration " + (i + 1));
        }
        for (int l = 0; l < ref.finalWeights.length; l++) {
            DMatrixRMaj expected = inputMajor(ref.finalWeights[l]);
            DMatrixRMaj actual = network.layer(l).weights();
            for (int k = 0; k < expected.data.length; k++) {
                assertEquals(expected.data[k], actual.data[k], 1e-10, "layer " + (l + 1) + " weight " + k);
            }
        }
    }

    static Reference load() throws Exception {
        try (Reader r = new InputStreamReader(SeedReferenceTest.class.getResourceAsStream("seed-reference.json"),
                StandardCharsets.UTF_8)) {
            return new Gson().fromJson(r, Reference.class);
        }
    }

    /** numpy's (outputs, inputs) matrix as the network's inputs x outputs. */
    static DMatrixRMaj inputMajor(double[][] w) {
        DMatrixRMaj m = new DMatrixRMaj(w[0].length, w.length);
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < w[0].length; i++) {
                m.set(i, j, w[j][i]);
            }
        }
        return m;
    }
}
