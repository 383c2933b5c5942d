package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Forward;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Layer;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.kernels.Kernels;

/**
 * Back-propagation's gradient against central finite differences of the loss, for every
 * activation/cost pair, through both engines: one SGD step of rate 1 on one sample moves each
 * weight by exactly minus its gradient.
 */
class GradientCheckTest {
    private static final double EPS = 1e-6;

    static Stream<Arguments> pairs() {
        List<Arguments> list = new ArrayList<>();
        for (Activation hidden : List.of(Activation.SIGMOID, Activation.RELU, Activation.TANH)) {
            for (Activation output : Activation.values()) {
                for (Cost cost : Cost.values()) {
                    if (cost.supports(output)) {
                        for (boolean batchEngine : new boolean[] {false, true}) {
                            list.add(Arguments.of(hidden, output, cost, batchEngine));
                        }
                    }
                }
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} / batch engine: {3}")
    @MethodSource("pairs")
    void backpropagationMatchesFiniteDifferences(Activation hidden, Activation output, Cost cost, boolean batchEngine) {
        Architecture arch = new Architecture(List.of(16, 7, 5, 4), hidden, output, true);
        Network network = Network.initialise(arch, Initialisation.XAVIER, 3);
        Random random = new Random(5);
        for (Layer layer : network.layers()) {
            for (int j = 0; j < layer.outputs(); j++) {
                layer.biases().data[j] = random.nextGaussian() * 0.3;
            }
        }
        byte[] pixels = new byte[16];
        for (int p = 0; p < 16; p++) {
            pixels[p] = (byte) (p % 3 == 0 ? 0 : 40 + random.nextInt(200));
        }
        int label = 2;
        DataSet data = new DataSet("one", 4, 4, pixels, new byte[] {(byte) label});
        double[] x = new double[16];
        data.copyImage(0, x);

        Network stepped = network.copy();
        TrainingConfig config = new TrainingConfig("custom", arch, Initialisation.XAVIER, cost, 1.0, 1, 0, 0,
                Schedule.CONSTANT, 1, 0, 1, false, false, 0, 1);
        try (Engine engine = batchEngine
                ? new BatchEngine(stepped, config, data, Kernels.best(), 1)
                : new SampleEngine(stepped, cost, data, Kernels.best(), 1, 1)) {
            engine.step(new int[] {0}, null, 1, 1.0, true, new Engine.Outcome(1));
            engine.publish();
        }

        int checked = 0;
        for (int l = 0; l < network.depth(); l++) {
            double[][] params = {network.layer(l).weights().data, network.layer(l).biases().data};
            double[][] after = {stepped.layer(l).weights().data, stepped.layer(l).biases().data};
            for (int kind = 0; kind < 2; kind++) {
                for (int k = 0; k < params[kind].length; k++) {
                    double original = params[kind][k];
                    params[kind][k] = original + EPS;
                    double plus = loss(network, cost, x, label);
                    params[kind][k] = original - EPS;
                    double minus = loss(network, cost, x, label);
                    params[kind][k] = original;
                    double numeric = (plus - minus) / (2 * EPS);
                    double backprop = original - after[kind][k];
                    assertEquals(numeric, backprop, 1e-6 + 1e-4 * Math.abs(numeric),
                            "layer " + (l + 1) + (kind == 0 ? " weight " : " bias ") + k);
                    checked++;
                }
            }
        }
        assertTrue(checked > 150);
    }

    private static double loss(Network network, Cost cost, double[] x, int label) {
        double[] out = new Forward(network, Kernels.scalar()).run(x);
        return cost.gradientLoss(network.architecture().output(), out, 0, out.length, label);
    }
}
