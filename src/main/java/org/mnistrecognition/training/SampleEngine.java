package org.mnistrecognition.training;

import java.util.Arrays;
import java.util.function.IntConsumer;
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
 * <p>With two parts, each part covers half of the rows of every weight matrix (half of the pixels
 * for the first layer), so that while both cores work each keeps its half of the weights in its
 * own cache (the 784x200 first layer alone is 1.25 MB of doubles, more than one core's L2) and no
 * cache line is written by both. A sample is five short {@link ParallelLoop} tasks: the first
 * layer's update for the previous sample fused with its forward pass for this one, the other two
 * layers' forward passes, and their backward passes fused with their updates; between them the
 * calling thread adds the parts' partial sums (in part order) and applies the activations. A part
 * computes the same numbers whichever thread runs it, so a run is reproducible for a given seed
 * and number of parts; one part and two differ in the last bits because the partial sums change
 * the order of some additions.
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
    /** rowSplit[l][t] .. rowSplit[l][t+1]: the rows of W_l (its inputs) covered by part t. */
    private final int[][] rowSplit;
    /** partialZ[l][t]: part t's share of z_l = x W_l (+ b_l, counted by part 0), length outputs(l). */
    private final double[][][] partialZ;
    /** z[l], a[l]: layer l's pre-activations and activations for the current sample, length outputs(l). */
    private final double[][] z;
    private final double[][] a;
    /** delta[l]: δ of layer l for the current sample, length outputs(l); delta[0] waits for the first layer's update. */
    private final double[][] delta;
    /** Two samples' non-zero input positions and values (the current one and the one before), each of length inputs. */
    private final int[][] indices;
    private final double[][] values;
    /** pixelSplit[b][t] .. pixelSplit[b][t+1]: the positions in indices[b] of the pixels covered by part t. */
    private final int[][] pixelSplit;
    private final ParallelLoop loop;
    private final IntConsumer firstLayerTask = this::firstLayer;
    private final IntConsumer forwardTask = this::forward;
    private final IntConsumer backwardTask = this::backward;

    private double stepRate;
    /** The buffer (0 or 1) of the sample being run forward, or -1 for none. */
    private int current;
    /** The buffer of the sample whose first-layer update is pending, or -1 for none. */
    private int pending;
    /** The layer of the running forward or backward task. */
    private int layerNow;
    /** The δ of layer {@code layerNow} that the running backward task propagates. */
    private double[] deltaNow;

    /** An engine whose {@code parts} (which decide the numbers) run on at most {@code workers} threads. */
    SampleEngine(Network network, Cost cost, DataSet data, Kernels kernels, int parts, int workers) {
        this.network = network;
        this.kernels = kernels;
        this.cost = cost;
        this.bias = network.architecture().bias();
        this.data = data;
        this.depth = network.depth();
        this.parts = Math.max(1, parts);
        rowSplit = new int[depth][this.parts + 1];
        partialZ = new double[depth][this.parts][];
        z = new double[depth][];
        a = new double[depth][];
        delta = new double[depth][];
        for (int l = 0; l < depth; l++) {
            Layer layer = network.layer(l);
            for (int t = 0; t <= this.parts; t++) {
                rowSplit[l][t] = (int) ((long) layer.inputs() * t / this.parts);
            }
            for (int t = 0; t < this.parts; t++) {
                partialZ[l][t] = new double[layer.outputs()];
            }
            z[l] = new double[layer.outputs()];
            a[l] = new double[layer.outputs()];
            delta[l] = new double[layer.outputs()];
        }
        indices = new int[2][network.inputSize()];
        values = new double[2][network.inputSize()];
        pixelSplit = new int[2][this.parts + 1];
        loop = new ParallelLoop(this.parts, workers, "sgd-worker");
    }

    @Override
    public void step(int[] samples, int[] shifts, int count, double learningRate, boolean apply, Outcome outcome) {
        stepRate = learningRate;
        pending = -1;
        for (int s = 0; s < count; s++) {
            current = s & 1;
            fetch(samples[s], current);
            loop.run(firstLayerTask);
            pending = -1;
            train(samples[s], s, outcome, apply || s < count - 1);
        }
        if (pending >= 0) {
            current = -1;
            loop.run(firstLayerTask);
            pending = -1;
        }
    }

    /** Copies a sample's non-zero pixels into buffer {@code b} and splits them between the parts. */
    private void fetch(int sample, int b) {
        int nnz = data.copyNonZero(sample, 0, 0, indices[b], values[b]);
        for (int t = 0; t <= parts; t++) {
            // indices come sorted: part t covers the non-zero pixels in its range of rows
            pixelSplit[b][t] = t == parts ? nnz : lowerBound(indices[b], nnz, rowSplit[0][t]);
        }
    }

    /** The rest of one SGD step on one sample, after the first layer's forward pass. */
    private void train(int sample, int slot, Outcome outcome, boolean apply) {
        int last = depth - 1;
        for (int l = 0; l <= last; l++) {
            if (l > 0) {
                layerNow = l;
                loop.run(forwardTask);
            }
            Layer layer = network.layer(l);
            int n = layer.outputs();
            double[] zl = z[l];
            System.arraycopy(partialZ[l][0], 0, zl, 0, n);
            for (int q = 1; q < parts; q++) {
                // z_l = Σ_parts pz
                kernels.axpy(n, 1.0, partialZ[l][q], 0, zl, 0);
            }
            kernels.activate(layer.activation(), zl, a[l], 0, n);
        }

        Layer outLayer = network.layer(last);
        int outputs = outLayer.outputs();
        int label = data.label(sample);
        outcome.guess()[slot] = Network.argmax(a[last], 0, outputs);
        outcome.cost()[slot] = cost.value(outLayer.activation(), a[last], 0, outputs, label);
        if (!apply) {
            return;
        }
        cost.outputDelta(outLayer.activation(), z[last], a[last], delta[last], 0, outputs, label);
        for (int l = last; l >= 1; l--) {
            layerNow = l;
            deltaNow = delta[l];
            loop.run(backwardTask);
        }
        pending = current;
    }

    /**
     * Part {@code t} of the first layer: the pending update of its pixels' weight rows for the
     * previous sample, then its share of this sample's forward pass.
     */
    private void firstLayer(int t) {
        Layer first = network.layer(0);
        double[] w0 = first.weights().data;
        int n0 = first.outputs();
        if (pending >= 0) {
            double lr = stepRate;
            int[] idx = indices[pending];
            double[] val = values[pending];
            double[] d = delta[0];
            for (int k = pixelSplit[pending][t]; k < pixelSplit[pending][t + 1]; k++) {
                // W0[p,:] -= lr x_p delta_0, for this part's non-zero pixels p
                kernels.axpy(n0, -lr * val[k], d, 0, w0, idx[k] * n0);
            }
            if (bias && t == 0) {
                // b0 -= lr delta_0
                kernels.axpy(n0, -lr, d, 0, first.biases().data, 0);
            }
        }
        if (current < 0) {
            return;
        }
        double[] pz = partialZ[0][t];
        if (bias && t == 0) {
            System.arraycopy(first.biases().data, 0, pz, 0, n0);
        } else {
            Arrays.fill(pz, 0.0);
        }
        // pz = x[own pixels] W0[own pixels, :]
        kernels.gemv(n0, pixelSplit[current][t], pixelSplit[current][t + 1], indices[current], values[current], w0, 0, n0,
                pz, 0);
    }

    /** Part {@code t} of layer {@code layerNow}'s forward pass: its rows' share of z. */
    private void forward(int t) {
        int l = layerNow;
        Layer layer = network.layer(l);
        int n = layer.outputs();
        double[] pz = partialZ[l][t];
        if (bias && t == 0) {
            System.arraycopy(layer.biases().data, 0, pz, 0, n);
        } else {
            Arrays.fill(pz, 0.0);
        }
        // pz = a_{l-1}[own rows] W_l[own rows, :]
        kernels.gemv(n, rowSplit[l][t], rowSplit[l][t + 1], null, a[l - 1], layer.weights().data, 0, n, pz, 0);
    }

    /**
     * Part {@code t} of layer {@code layerNow}'s backward pass fused with its update: for its rows
     * i, the error {@code g_i = W_l[i,:] . delta_l} with the old weights, the step
     * {@code W_l[i,:] -= lr a_i delta_l}, and {@code delta_{l-1}[i] = g_i f'(z_{l-1,i})}.
     */
    private void backward(int t) {
        int l = layerNow;
        Layer layer = network.layer(l);
        int n = layer.outputs();
        double[] w = layer.weights().data;
        double[] d = deltaNow;
        double[] prevA = a[l - 1];
        double[] g = delta[l - 1];
        int lo = rowSplit[l][t];
        int hi = rowSplit[l][t + 1];
        double lr = stepRate;
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
        network.layer(l - 1).activation().backward(z[l - 1], prevA, g, g, lo, hi - lo);
        if (bias && t == 0) {
            // b_l -= lr delta_l
            kernels.axpy(n, -lr, d, 0, layer.biases().data, 0);
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
