package org.mnistrecognition.network;

import org.mnistrecognition.network.kernels.Kernels;

/**
 * A reusable forward pass through one network: it owns the per-layer buffers, so running it
 * allocates nothing. Not thread-safe; one per thread.
 */
public final class Forward {
    private final Network network;
    private final Kernels kernels;
    /** z[l]: the pre-activations of weight layer {@code l}, length {@code outputs(l)}. */
    private final double[][] z;
    /** a[l]: the activations f(z[l]) of weight layer {@code l}, length {@code outputs(l)}. */
    private final double[][] a;
    /** The non-zero inputs of a dense {@link #run}: their positions and values, up to inputSize. */
    private final int[] nonZeroIndices;
    private final double[] nonZeroValues;

    public Forward(Network network, Kernels kernels) {
        this.network = network;
        this.kernels = kernels;
        int depth = network.depth();
        z = new double[depth][];
        a = new double[depth][];
        for (int l = 0; l < depth; l++) {
            z[l] = new double[network.layer(l).outputs()];
            a[l] = new double[network.layer(l).outputs()];
        }
        nonZeroIndices = new int[network.inputSize()];
        nonZeroValues = new double[network.inputSize()];
    }

    /**
     * Runs the network on one dense input, skipping the rows of the inputs that are zero.
     *
     * @param input the input layer's values, length {@code inputSize()} (pixels in [0, 1])
     * @return the output activations, a live buffer overwritten by the next run
     */
    public double[] run(double[] input) {
        if (input.length != network.inputSize()) {
            throw new IllegalArgumentException("input has " + input.length + " values, the network takes " + network.inputSize());
        }
        int nnz = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] != 0) {
                nonZeroIndices[nnz] = i;
                nonZeroValues[nnz++] = input[i];
            }
        }
        return runSparse(nonZeroIndices, nonZeroValues, nnz);
    }

    /**
     * Runs the network on a sparse input: the {@code nnz} non-zero values {@code values[k]} at
     * positions {@code indices[k]} of the input layer.
     */
    public double[] runSparse(int[] indices, double[] values, int nnz) {
        Layer first = network.layer(0);
        double[] z0 = start(first, 0);
        double[] w = first.weights().data;
        int out = first.outputs();
        // z0 = x W0 (+ b0), over the rows of the non-zero inputs only
        kernels.gemv(out, 0, nnz, indices, values, w, 0, out, z0, 0);
        return finish(0);
    }

    private double[] start(Layer layer, int l) {
        double[] zl = z[l];
        if (network.architecture().bias()) {
            System.arraycopy(layer.biases().data, 0, zl, 0, zl.length);
        } else {
            java.util.Arrays.fill(zl, 0.0);
        }
        return zl;
    }

    private double[] finish(int fromLayer) {
        Layer[] layers = network.layerArray();
        kernels.activate(layers[fromLayer].activation(), z[fromLayer], a[fromLayer], 0, a[fromLayer].length);
        for (int l = fromLayer + 1; l < layers.length; l++) {
            Layer layer = layers[l];
            double[] zl = start(layer, l);
            double[] prev = a[l - 1];
            // z_l = a_{l-1} W_l (+ b_l)
            kernels.gemv(layer.outputs(), 0, prev.length, null, prev, layer.weights().data, 0, layer.outputs(), zl, 0);
            kernels.activate(layer.activation(), zl, a[l], 0, a[l].length);
        }
        return a[layers.length - 1];
    }


    /** The pre-activations of weight layer {@code l} from the last run (live buffer). */
    public double[] z(int l) {
        return z[l];
    }

    /** The activations of weight layer {@code l} from the last run (live buffer). */
    public double[] a(int l) {
        return a[l];
    }
}
