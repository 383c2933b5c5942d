package org.mnistrecognition.training;

import java.util.Arrays;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Layer;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.kernels.Kernels;

/**
 * Plain SGD one sample at a time, as the original trained: back-propagation and the update fused
 * into one pass over each weight row, and the zero pixels skipped.
 *
 * <p>With two threads, each owns half of the rows of every weight matrix (half of the pixels for
 * the first layer) and never touches the other half, so its weights stay in its own core's cache
 * (the 784x200 first layer alone is 1.25 MB of doubles, more than one core's L2) and no cache line
 * is written by both. Per layer, the threads exchange only small vectors: partial sums of the
 * forward pass and their halves of the back-propagated error, meeting at a barrier each time.
 * A run is reproducible for a given seed and number of threads; one thread and two differ in the
 * last bits because the partial sums change the order of some additions.
 */
final class SampleEngine implements Engine {
    private final Network network;
    private final Kernels kernels;
    private final Cost cost;
    private final boolean bias;
    /** The training images. */
    private final DataSet data;
    private final int depth;
    private final int parts;
    /** rowSplit[l][t] .. rowSplit[l][t+1]: the rows of W_l (its inputs) owned by part t. */
    private final int[][] rowSplit;
    /** partialZ[l][t]: part t's share of z_l = x W_l (+ b_l, counted by part 0), length outputs(l). */
    private final double[][][] partialZ;
    /** z[t][l], a[t][l]: part t's private copy of layer l's pre-activations and activations. */
    private final double[][][] z;
    private final double[][][] a;
    /** outDelta[t]: part t's private copy of the output layer's δ. */
    private final double[][] outDelta;
    /** sharedDelta[l]: δ of hidden layer l; each part writes the units it owns, then all read all. */
    private final double[][] sharedDelta;
    /** Per part: the sample's non-zero input positions and values. */
    private final int[][] indices;
    private final double[][] values;
    private final ParallelLoop loop;
    private final SpinBarrier barrier;

    private int[] stepSamples;
    private int stepCount;
    private double stepRate;
    private boolean stepApplyLast;
    private Outcome stepOutcome;

    SampleEngine(Network network, Cost cost, DataSet data, Kernels kernels, int threads) {
        this.network = network;
        this.kernels = kernels;
        this.cost = cost;
        this.bias = network.architecture().bias();
        this.data = data;
        this.depth = network.depth();
        this.parts = Math.max(1, threads);
        rowSplit = new int[depth][parts + 1];
        partialZ = new double[depth][parts][];
        z = new double[parts][depth][];
        a = new double[parts][depth][];
        sharedDelta = new double[depth][];
        for (int l = 0; l < depth; l++) {
            Layer layer = network.layer(l);
            for (int t = 0; t <= parts; t++) {
                rowSplit[l][t] = (int) ((long) layer.inputs() * t / parts);
            }
            for (int t = 0; t < parts; t++) {
                partialZ[l][t] = new double[layer.outputs()];
                z[t][l] = new double[layer.outputs()];
                a[t][l] = new double[layer.outputs()];
            }
            sharedDelta[l] = new double[layer.outputs()];
        }
        outDelta = new double[parts][network.outputSize()];
        indices = new int[parts][network.inputSize()];
        values = new double[parts][network.inputSize()];
        loop = new ParallelLoop(parts, "sgd-worker");
        barrier = new SpinBarrier(parts);
    }

    @Override
    public void step(int[] samples, int[] shifts, int count, double learningRate, boolean apply, Outcome outcome) {
        stepSamples = samples;
        stepCount = count;
        stepRate = learningRate;
        stepApplyLast = apply;
        stepOutcome = outcome;
        loop.run(this::trainPart);
    }

    private void trainPart(int t) {
        for (int s = 0; s < stepCount; s++) {
            train(t, stepSamples[s], s, stepApplyLast || s < stepCount - 1);
        }
    }

    /** Part {@code t}'s share of one SGD step on one sample. */
    private void train(int t, int sample, int slot, boolean apply) {
        double lr = stepRate;
        int last = depth - 1;
        int[] idx = indices[t];
        double[] val = values[t];
        int nnz = data.copyNonZero(sample, 0, 0, idx, val);
        // this part's pixels: the non-zero ones in its row range (indices come sorted)
        int kFrom = lowerBound(idx, nnz, rowSplit[0][t]);
        int kTo = lowerBound(idx, nnz, rowSplit[0][t + 1]);
        double[][] zs = z[t];
        double[][] as = a[t];

        for (int l = 0; l <= last; l++) {
            Layer layer = network.layer(l);
            int n = layer.outputs();
            double[] pz = partialZ[l][t];
            if (bias && t == 0) {
                System.arraycopy(layer.biases().data, 0, pz, 0, n);
            } else {
                Arrays.fill(pz, 0.0);
            }
            if (l == 0) {
                // pz = x[own pixels] W0[own pixels, :]
                kernels.gemv(n, kFrom, kTo, idx, val, layer.weights().data, 0, n, pz, 0);
            } else {
                // pz = a_{l-1}[own rows] W_l[own rows, :]
                kernels.gemv(n, rowSplit[l][t], rowSplit[l][t + 1], null, as[l - 1], layer.weights().data, 0, n, pz, 0);
            }
            barrier.await();
            double[] zl = zs[l];
            System.arraycopy(partialZ[l][0], 0, zl, 0, n);
            for (int q = 1; q < parts; q++) {
                // z_l = Σ_parts pz
                kernels.axpy(n, 1.0, partialZ[l][q], 0, zl, 0);
            }
            kernels.activate(layer.activation(), zl, as[l], 0, n);
        }

        Layer outLayer = network.layer(last);
        int outputs = outLayer.outputs();
        double[] out = as[last];
        int label = data.label(sample);
        if (t == 0) {
            stepOutcome.guess()[slot] = Network.argmax(out, 0, outputs);
            stepOutcome.cost()[slot] = cost.value(outLayer.activation(), out, 0, outputs, label);
        }
        if (!apply) {
            return;
        }
        double[] d = outDelta[t];
        cost.outputDelta(outLayer.activation(), zs[last], out, d, 0, outputs, label);

        for (int l = last; l >= 1; l--) {
            Layer layer = network.layer(l);
            int n = layer.outputs();
            double[] w = layer.weights().data;
            double[] prevA = as[l - 1];
            double[] g = sharedDelta[l - 1];
            int lo = rowSplit[l][t];
            int hi = rowSplit[l][t + 1];
            boolean relu = network.layer(l - 1).activation() == Activation.RELU;
            for (int i = lo; i < hi; i++) {
                double ai = prevA[i];
                if (ai != 0) {
                    // g_i = W_l[i,:] . delta_l (old weights); then W_l[i,:] -= lr a_i delta_l
                    g[i] = kernels.dotThenAxpy(n, w, i * n, d, 0, -lr * ai);
                } else {
                    g[i] = relu ? 0 : kernels.dot(n, w, i * n, d, 0);
                }
            }
            // delta_{l-1}[own] = g .* f'(z_{l-1})
            network.layer(l - 1).activation().backward(zs[l - 1], prevA, g, g, lo, hi - lo);
            if (bias && t == 0) {
                kernels.axpy(n, -lr, d, 0, layer.biases().data, 0);
            }
            barrier.await();
            d = g;
        }

        Layer first = network.layer(0);
        double[] w0 = first.weights().data;
        int n0 = first.outputs();
        for (int k = kFrom; k < kTo; k++) {
            // W0[p,:] -= lr x_p delta_0, for this part's non-zero pixels p
            kernels.axpy(n0, -lr * val[k], d, 0, w0, idx[k] * n0);
        }
        if (bias && t == 0) {
            kernels.axpy(n0, -lr, d, 0, first.biases().data, 0);
        }
    }

    /** The first position k < n with {@code sorted[k] >= key}, or n. */
    private static int lowerBound(int[] sorted, int n, int key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }


    @Override
    public void close() {
        loop.close();
    }
}
