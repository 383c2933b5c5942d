package org.mnistrecognition.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistrecognition.network.Networks.assertSameWeights;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Network;

class ModelFileTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(ModelFileTest.class.getResource("/org/mnistrecognition/model/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing model fixture " + name + " (run make_fixtures.py)", e);
        }
    }

    private static ModelMetadata.Training training() {
        return new ModelMetadata.Training(1234, 2.5, 0.05, 32, 0.9, 0.9812, Double.NaN, 61.5, 8123.25,
                "2025-03-04T05:06:07Z", "data/mnist");
    }

    private static Network network(boolean bias, Activation hidden, Activation output) {
        Network n = Network.initialise(new Architecture(List.of(12, 7, 5, 3), hidden, output, bias), Initialisation.XAVIER, 99);
        if (bias) {
            for (int l = 0; l < n.depth(); l++) {
                double[] b = n.layer(l).biases().data;
                for (int j = 0; j < b.length; j++) {
                    b[j] = 0.01 * (l + 1) * (j - 2);
                }
            }
        }
        return n;
    }

    @Test
    void roundTripsWeightsAndMetadataExactly() throws Exception {
        Network net = network(true, Activation.RELU, Activation.SOFTMAX);
        ModelMetadata meta = ModelMetadata.of(net, Cost.CROSS_ENTROPY, "best", 99, Initialisation.XAVIER, training());
        Path file = dir.resolve("model.npz");
        ModelFile.save(file, net, meta);
        Model back = ModelFile.load(file);
        assertSameWeights(net, back.network());
        assertEquals(meta, back.metadata());
        assertTrue(Double.isNaN(back.metadata().training().validationAccuracy()));
        assertEquals(0.9812, back.metadata().training().testAccuracy());
    }

    @Test
    void roundTripsANetworkWithoutBiases() throws Exception {
        Network net = network(false, Activation.SIGMOID, Activation.SIGMOID);
        ModelMetadata meta = ModelMetadata.of(net, Cost.QUADRATIC, "original", 1, Initialisation.ORIGINAL,
                ModelMetadata.Training.unknown());
        Path file = dir.resolve("plain.npz");
        ModelFile.save(file, net, meta);
        Model back = ModelFile.load(file);
        assertSameWeights(net, back.network());
        assertFalse(back.metadata().bias());
    }

    @Test
    void savingReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("model.npz");
        Files.writeString(file, "old");
        Network net = network(true, Activation.TANH, Activation.SIGMOID);
        ModelFile.save(file, net, ModelMetadata.of(net, Cost.QUADRATIC, "", 0, null, ModelMetadata.Training.unknown()));
        assertSameWeights(net, ModelFile.load(file).network());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void saveRejectsMetadataOfAnotherNetwork() {
        Network net = network(true, Activation.RELU, Activation.SOFTMAX);
        Network other = Network.initialise(new Architecture(List.of(12, 3), Activation.RELU, Activation.SOFTMAX, true),
                Initialisation.HE, 1);
        ModelMetadata meta = ModelMetadata.of(other, Cost.CROSS_ENTROPY, "", 0, null, ModelMetadata.Training.unknown());
        assertThrows(IllegalArgumentException.class, () -> ModelFile.save(dir.resolve("m.npz"), net, meta));
    }

    @Test
    void loadsAModelWrittenByNumpy() throws Exception {
        Model m = ModelFile.load(fixture("numpy-model.npz"));
        Network n = m.network();
        assertEquals(List.of(4, 3, 2), n.architecture().sizes());
        assertTrue(n.architecture().bias());
        // W1 in the file is (outputs x inputs) = arange(12).reshape(3, 4) / 10 - 0.5; Layer keeps its transpose
        assertEquals(1 * 4 + 2, 10 * (n.layer(0).weights().get(2, 1) + 0.5), 1e-12);
        assertEquals(5 / 7.0, n.layer(1).weights().get(2, 1), 0.0);
        assertEquals(0.3, n.layer(0).biases().get(0, 2), 0.0);
        assertEquals(-1, n.layer(1).biases().get(0, 0), 0.0);
        assertEquals("numpy", m.metadata().preset());
        assertEquals(12, m.metadata().training().iterations());
        assertEquals(Cost.QUADRATIC, m.metadata().costFunction());
        assertTrue(Double.isNaN(m.metadata().training().momentum()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated.npz | not a zip (.npz) archive, or a truncated one",
        "not-a-zip.npz | not a zip (.npz) archive, or a truncated one",
        "missing-W2.npz | W2 missing",
        "shape-mismatch.npz | W1 has shape (3, 5), expected (3, 4)",
        "bad-json.npz | metadata.json: invalid JSON",
        "nan-weight.npz | W2 holds NaN at [1, 2]",
        "int-weights.npz | W1 has dtype <i8, expected float64",
        "unknown-activation.npz | metadata.json: unknown activation 'swish'",
        "unknown-cost.npz | metadata.json: unknown cost 'hinge'",
        "format-version-2.npz | metadata.json: unsupported format_version 2",
        "no-metadata.npz | metadata.json missing",
        "mixed-hidden.npz | hidden layers must share one activation",
        "extra-array.npz | unexpected arrays [W3]",
    })
    void rejectsBrokenModelFiles(String name, String problem) {
        Path file = fixture(name);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), () -> "expected '" + problem + "' in: " + e.getMessage());
    }

    @Test
    void namesAMissingFile() {
        Path file = dir.resolve("nothing.npz");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void bundledModelHonoursItsProperty() {
        System.setProperty(ModelFile.MODEL_PROPERTY, "/opt/models/mine.npz");
        try {
            assertEquals(Path.of("/opt/models/mine.npz"), ModelFile.bundledModel());
        } finally {
            System.clearProperty(ModelFile.MODEL_PROPERTY);
        }
        assertTrue(ModelFile.bundledModel().endsWith(Path.of("data", "model.npz")));
    }
}
