package org.mnistrecognition.network;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.mnistrecognition.network.kernels.Kernels;

/**
 * A fully connected feed-forward network: its {@link Architecture} and one {@link Layer} per
 * pair of adjacent unit layers. Not thread-safe: a trainer owns the network it trains and hands
 * out {@link #copy() copies} for others to read.
 */
public final class Network {
    private final Architecture architecture;
    private final Layer[] layers;

    private Network(Architecture architecture, Layer[] layers) {
        this.architecture = architecture;
        this.layers = layers;
    }

    /**
     * A new network with weights drawn by {@code init} from a generator seeded with {@code seed};
     * the same seed gives the same weights. Biases start at zero.
     */
    public static Network initialise(Architecture architecture, Initialisation init, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> sizes = architecture.sizes();
        Layer[] layers = new Layer[architecture.depth()];
        for (int l = 0; l < layers.length; l++) {
            int in = sizes.get(l);
            int out = sizes.get(l + 1);
            DMatrixRMaj w = new DMatrixRMaj(in, out);
            // drawn output-major, like numpy's rand(out, in), then stored input-major
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < in; i++) {
                    w.data[i * out + j] = init.draw(random, in, out);
                }
            }
            layers[l] = new Layer(architecture.activation(l), w, new DMatrixRMaj(1, out));
        }
        return new Network(architecture, layers);
    }

    /**
     * A network from given matrices, checked against the architecture.
     *
     * @param weights per layer, {@code inputs × outputs} (see {@link Layer})
     * @param biases per layer, {@code 1 × outputs}
     */
    public static Network of(Architecture architecture, List<DMatrixRMaj> weights, List<DMatrixRMaj> biases) {
        if (weights.size() != architecture.depth() || biases.size() != architecture.depth()) {
            throw new IllegalArgumentException("expected " + architecture.depth() + " weight matrices and bias vectors, got "
                    + weights.size() + " and " + biases.size());
        }
        Layer[] layers = new Layer[architecture.depth()];
        for (int l = 0; l < layers.length; l++) {
            int in = architecture.sizes().get(l);
            int out = architecture.sizes().get(l + 1);
            DMatrixRMaj w = weights.get(l);
            DMatrixRMaj b = biases.get(l);
            if (w.numRows != in || w.numCols != out) {
                throw new IllegalArgumentException("layer " + (l + 1) + " weights should be " + in + " x " + out
                        + ", got " + w.numRows + " x " + w.numCols);
            }
            if (b.numRows != 1 || b.numCols != out) {
                throw new IllegalArgumentException("layer " + (l + 1) + " biases should be 1 x " + out
                        + ", got " + b.numRows + " x " + b.numCols);
            }
            // W_l = W, b_l = b (copies: the caller keeps its matrices)
            layers[l] = new Layer(architecture.activation(l), w.copy(), b.copy());
        }
        return new Network(architecture, layers);
    }

    public Architecture architecture() {
        return architecture;
    }

    public List<Layer> layers() {
        return List.of(layers);
    }

    public Layer layer(int l) {
        return layers[l];
    }

    public int depth() {
        return layers.length;
    }

    public int inputSize() {
        return architecture.inputSize();
    }

    public int outputSize() {
        return architecture.outputSize();
    }

    /** A deep copy: later training of this network does not change it. */
    public Network copy() {
        Layer[] copies = new Layer[layers.length];
        for (int l = 0; l < layers.length; l++) {
            copies[l] = layers[l].copy();
        }
        return new Network(architecture, copies);
    }

    /** Overwrites this network's weights and biases with {@code other}'s (same architecture). */
    public void copyFrom(Network other) {
        if (!other.architecture.equals(architecture)) {
            throw new IllegalArgumentException("architectures differ: " + other.architecture + " vs " + architecture);
        }
        for (int l = 0; l < layers.length; l++) {
            // W_l = W_l', b_l = b_l' (element-wise copies into the existing matrices)
            layers[l].weights().setTo(other.layers[l].weights());
            layers[l].biases().setTo(other.layers[l].biases());
        }
    }

    /** Whether every weight and bias is a finite number. */
    public boolean isFinite() {
        for (Layer layer : layers) {
            // any W_ij or b_j NaN or infinite?
            if (MatrixFeatures_DDRM.hasUncountable(layer.weights()) || MatrixFeatures_DDRM.hasUncountable(layer.biases())) {
                return false;
            }
        }
        return true;
    }

    /** What the network reads in one input of {@code inputSize()} values in [0, 1]. */
    public Prediction read(double[] input) {
        return Prediction.of(predict(input), architecture.output());
    }

    /** The output activations for one input (allocates; see {@link Forward} for the hot path). */
    public double[] predict(double[] input) {
        return new Forward(this, Kernels.best()).run(input).clone();
    }

    /** The index of the largest of {@code n} values from {@code off}; the first on ties. */
    public static int argmax(double[] values, int off, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (values[off + j] > values[off + best]) {
                best = j;
            }
        }
        return best;
    }

    /** The layers, for the engines in this module that need their arrays without list overhead. */
    Layer[] layerArray() {
        return layers;
    }

    /** Sizes as a list of per-layer weight counts (for summaries). */
    public long parameterCount() {
        long n = 0;
        for (Layer layer : layers) {
            n += (long) layer.inputs() * layer.outputs() + (architecture.bias() ? layer.outputs() : 0);
        }
        return n;
    }

    @Override
    public String toString() {
        List<String> acts = new ArrayList<>();
        for (Layer layer : layers) {
            acts.add(layer.activation().id());
        }
        return "Network[" + architecture.describe() + " " + acts + (architecture.bias() ? "" : " no bias") + "]";
    }
}
