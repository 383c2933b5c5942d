package org.mnistrecognition.training;

import java.util.Arrays;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Layer;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.kernels.Kernels;

/**
 * Mini-batch SGD with optional momentum and weight decay, on several threads, in single precision
 * as PyTorch trains in float32: the engine trains a float copy of the network's weights (and float
 * momentum velocities), and {@link #publish() publishes} them into the network's double matrices
 * whenever the trainer reads the network. Floats halve the bytes every kernel moves and double
 * the arithmetic of each vector instruction; the sigmoid and the cost run in double, a row at a
 * time. The first layer
 * (784 inputs: most of the weights) is split between the threads by columns, so each core keeps
 * its half of W0 in its own cache for both the forward pass and the update; the other layers'
 * forward and backward passes are split by samples and their updates by weight rows. Every
 * matrix product runs on the blocked kernels, and sums run in the same order whatever the
 * number of threads, so a seed gives the same run on one core or two.
 */
final class BatchEngine implements Engine {
    private final Network network;
    private final Kernels kernels;
    private final Cost cost;
    private final boolean bias;
    /** The training images. */
    private final DataSet data;
    private final int capacity;
    private final int depth;
    private final int[] in;
    private final int[] out;
    /** weights[l], biases[l]: the weights and biases being trained, laid out like the network's matrices ({@code in[l] × out[l]}, {@code out[l]}). */
    private final float[][] weights;
    private final float[][] biases;
    /** z[l]: pre-activations of weight layer l, {@code capacity × out[l]} row-major, a row per sample. */
    private final float[][] z;
    /** a[l]: activations of weight layer l, {@code capacity × out[l]}. */
    private final float[][] a;
    /** delta[l]: ∂loss/∂z of weight layer l, {@code capacity × out[l]}. */
    private final float[][] delta;
    /** gradW[l]: the batch's summed weight gradient, {@code in[l] × out[l]} like the weights. */
    private final float[][] gradW;
    /** gradB[l]: the batch's summed bias gradient, {@code out[l]}. */
    private final float[][] gradB;
    /**
     * Per part, three rows of doubles as long as the widest layer, where the activations, the
     * cost and their derivatives (the network's double-precision code) work on one sample's row.
     */
    private final double[][][] rowsOfDoubles;
    /** velW[l], velB[l]: momentum velocities shaped like the weights and biases; null without momentum. */
    private final float[][] velW;
    private final float[][] velB;
    /** Per sample: its non-zero input positions and their values ({@code capacity × inputSize}) and count. */
    private final int[][] indices;
    private final float[][] inputs;
    private final int[] nnz;
    /** The split of each layer's weight rows between the threads: rows [rowSplit[l][t], rowSplit[l][t+1]). */
    private final int[][] rowSplit;
    /** The first layer's units owned by each thread: [firstColumns[t], firstColumns[t+1]), split at multiples of 8. */
    private final int[] firstColumns;
    /** Per thread, the batch's non-zero pixels of its rows of W0 grouped by pixel (compressed columns). */
    private final int[][] pixelStart;
    private final int[][] pixelFill;
    private final int[][] pixelSample;
    private final float[][] pixelValue;
    /** Per thread, one row of the first layer's weight gradient. */
    private final float[][] rowBuffer;
    private final ParallelLoop loop;
    private final double momentum;
    private final double weightDecay;

    private int[] stepSamples;
    private int[] stepShifts;
    private int stepCount;
    private Outcome stepOutcome;
    private double stepRate;
    /** Whether the weights trained since the last {@link #publish()} differ from the network's. */
    private boolean unpublished;

    /** An engine whose parts (the configuration's threads) run on at most {@code workers} threads. */
    BatchEngine(Network network, TrainingConfig config, DataSet data, Kernels kernels, int workers) {
        this.network = network;
        this.kernels = kernels;
        this.cost = config.cost();
        this.bias = network.architecture().bias();
        this.data = data;
        this.capacity = config.batchSize();
        this.depth = network.depth();
        this.momentum = config.momentum();
        this.weightDecay = config.weightDecay();
        in = new int[depth];
        out = new int[depth];
        weights = new float[depth][];
        biases = new float[depth][];
        z = new float[depth][];
        a = new float[depth][];
        delta = new float[depth][];
        gradW = new float[depth][];
        gradB = new float[depth][];
        velW = momentum > 0 ? new float[depth][] : null;
        velB = momentum > 0 ? new float[depth][] : null;
        int threads = Math.max(1, Math.min(config.threads(), capacity));
        rowSplit = new int[depth][];
        for (int l = 0; l < depth; l++) {
            Layer layer = network.layer(l);
            in[l] = layer.inputs();
            out[l] = layer.outputs();
            weights[l] = toFloats(layer.weights().data);
            biases[l] = toFloats(layer.biases().data);
            z[l] = new float[capacity * out[l]];
            a[l] = new float[capacity * out[l]];
            delta[l] = new float[capacity * out[l]];
            gradW[l] = new float[in[l] * out[l]];
            gradB[l] = new float[out[l]];
            if (velW != null) {
                velW[l] = new float[in[l] * out[l]];
                velB[l] = new float[out[l]];
            }
            rowSplit[l] = new int[threads + 1];
            for (int t = 0; t <= threads; t++) {
                rowSplit[l][t] = (int) ((long) in[l] * t / threads);
            }
        }
        firstColumns = new int[threads + 1];
        for (int t = 0; t <= threads; t++) {
            firstColumns[t] = t == threads ? out[0] : Math.min(out[0], (int) Math.round((double) out[0] * t / threads / 8) * 8);
        }
        int inputs = network.inputSize();
        indices = new int[capacity][inputs];
        this.inputs = new float[capacity][inputs];
        nnz = new int[capacity];
        pixelStart = new int[threads][inputs + 1];
        pixelFill = new int[threads][inputs + 1];
        pixelSample = new int[threads][capacity * inputs];
        pixelValue = new float[threads][capacity * inputs];
        rowBuffer = new float[threads][out[0]];
        int widest = Arrays.stream(out).max().orElse(0);
        rowsOfDoubles = new double[threads][3][widest];
        loop = new ParallelLoop(threads, workers, "sgd-worker");
    }

    @Override
    public void step(int[] samples, int[] shifts, int count, double learningRate, boolean apply, Outcome outcome) {
        stepSamples = samples;
        stepShifts = shifts;
        stepCount = count;
        stepOutcome = outcome;
        stepRate = learningRate;
        loop.run(this::fetch);
        loop.run(this::forwardFirstLayer);
        loop.run(this::forwardBackward);
        if (apply) {
            loop.run(this::gradientAndUpdate);
            unpublished = true;
        }
    }

    /** Part {@code t} of the samples: their non-zero pixels, shifted by the augmentation. */
    private void fetch(int t) {
        int parts = loop.parts();
        for (int s = stepCount * t / parts; s < stepCount * (t + 1) / parts; s++) {
            int dx = stepShifts == null ? 0 : stepShifts[2 * s];
            int dy = stepShifts == null ? 0 : stepShifts[2 * s + 1];
            nnz[s] = data.copyNonZero(stepSamples[s], dx, dy, indices[s], inputs[s]);
        }
    }

    /** Part {@code t} of the first layer's units, for every sample: {@code Z0[:, own] = X W0[:, own] (+ b0[own])}. */
    private void forwardFirstLayer(int t) {
        Activation activation = network.layer(0).activation();
        int n = out[0];
        int lo = firstColumns[t];
        int width = firstColumns[t + 1] - lo;
        float[] z0 = z[0];
        float[] w = weights[0];
        for (int s = 0; s < stepCount; s++) {
            if (bias) {
                System.arraycopy(biases[0], lo, z0, s * n + lo, width);
            } else {
                Arrays.fill(z0, s * n + lo, s * n + lo + width, 0f);
            }
        }
        for (int s = 0; s < stepCount; s++) {
            // z0[s, own] += x_s W0[:, own], over the sample's non-zero pixels
            kernels.gemv(width, 0, nnz[s], indices[s], inputs[s], w, lo, n, z0, s * n + lo);
            activate(t, activation, z0, a[0], s * n + lo, width);
        }
    }

    /** Groups the batch's non-zero pixels by pixel (compressed columns) into part {@code t}'s buffers, for the first layer's gradient. */
    private void groupByPixel(int t) {
        int pixels = in[0];
        int[] start = pixelStart[t];
        int[] sampleOf = pixelSample[t];
        float[] valueOf = pixelValue[t];
        Arrays.fill(start, 0);
        for (int s = 0; s < stepCount; s++) {
            int[] idx = indices[s];
            for (int k = 0; k < nnz[s]; k++) {
                start[idx[k] + 1]++;
            }
        }
        for (int p = 0; p < pixels; p++) {
            start[p + 1] += start[p];
        }
        int[] fill = pixelFill[t];
        System.arraycopy(start, 0, fill, 0, pixels);
        for (int s = 0; s < stepCount; s++) {
            int[] idx = indices[s];
            float[] val = inputs[s];
            for (int k = 0; k < nnz[s]; k++) {
                int at = fill[idx[k]]++;
                sampleOf[at] = s;
                valueOf[at] = val[k];
            }
        }
    }


    /** Part {@code t} of the samples: forward pass, cost, guess, and the deltas of every layer. */
    private void forwardBackward(int t) {
        int parts = loop.parts();
        int from = stepCount * t / parts;
        int to = stepCount * (t + 1) / parts;
        int rows = to - from;
        if (rows == 0) {
            return;
        }
        for (int l = 1; l < depth; l++) {
            Activation activation = network.layer(l).activation();
            int n = out[l];
            float[] zl = z[l];
            for (int s = from; s < to; s++) {
                if (bias) {
                    System.arraycopy(biases[l], 0, zl, s * n, n);
                } else {
                    Arrays.fill(zl, s * n, (s + 1) * n, 0f);
                }
            }
            // Z_l[rows] += A_{l-1}[rows] W_l
            kernels.gemmNN(rows, n, in[l], a[l - 1], from * in[l], in[l], weights[l], 0, n, zl, from * n, n);
            for (int s = from; s < to; s++) {
                activate(t, activation, zl, a[l], s * n, n);
            }
        }
        int last = depth - 1;
        int n = out[last];
        Activation outAct = network.layer(last).activation();
        double[] zRow = rowsOfDoubles[t][0];
        double[] aRow = rowsOfDoubles[t][1];
        double[] dRow = rowsOfDoubles[t][2];
        for (int s = from; s < to; s++) {
            int label = data.label(stepSamples[s]);
            widen(z[last], s * n, zRow, n);
            widen(a[last], s * n, aRow, n);
            stepOutcome.guess()[s] = Network.argmax(aRow, 0, n);
            stepOutcome.cost()[s] = cost.value(outAct, aRow, 0, n, label);
            cost.outputDelta(outAct, zRow, aRow, dRow, 0, n, label);
            narrow(dRow, delta[last], s * n, n);
        }
        for (int l = last; l >= 1; l--) {
            int m = in[l];
            float[] g = delta[l - 1];
            Arrays.fill(g, from * m, to * m, 0f);
            // G[rows] = Delta_l[rows] W_l^T
            kernels.gemmNT(rows, m, out[l], delta[l], from * out[l], out[l], weights[l], 0, out[l], g, from * m, m);
            Activation act = network.layer(l - 1).activation();
            for (int s = from; s < to; s++) {
                // delta_{l-1} = G .* f'(z_{l-1})
                act.backward(z[l - 1], a[l - 1], g, g, s * m, m);
            }
        }
    }

    /** {@code a[off..off+n) = f(z[off..off+n))}, computed in double precision by part {@code t} where float would round differently. */
    private void activate(int t, Activation activation, float[] z, float[] a, int off, int n) {
        if (activation == Activation.RELU) {
            // max(0, z) is exact in float: the same values as through double, without the two conversions
            for (int i = off; i < off + n; i++) {
                a[i] = z[i] > 0 ? z[i] : 0f;
            }
            return;
        }
        double[] zRow = rowsOfDoubles[t][0];
        double[] aRow = rowsOfDoubles[t][1];
        widen(z, off, zRow, n);
        kernels.activate(activation, zRow, aRow, 0, n);
        narrow(aRow, a, off, n);
    }

    /** {@code to[0..n) = from[off..off+n)}. */
    private static void widen(float[] from, int off, double[] to, int n) {
        for (int i = 0; i < n; i++) {
            to[i] = from[off + i];
        }
    }

    /** {@code to[off..off+n) = (float) from[0..n)}. */
    private static void narrow(double[] from, float[] to, int off, int n) {
        for (int i = 0; i < n; i++) {
            to[off + i] = (float) from[i];
        }
    }

    /** The values of {@code doubles}, rounded to float. */
    private static float[] toFloats(double[] doubles) {
        float[] floats = new float[doubles.length];
        narrow(doubles, floats, 0, doubles.length);
        return floats;
    }

    /** Part {@code t} of every layer's weight rows: the batch gradient and the SGD step. */
    private void gradientAndUpdate(int t) {
        float gScale = (float) (-stepRate / stepCount);
        float decay = (float) (stepRate * weightDecay);
        float mu = (float) momentum;
        for (int l = 0; l < depth; l++) {
            int n = out[l];
            int lo = rowSplit[l][t];
            int hi = rowSplit[l][t + 1];
            float[] v = velW == null ? null : velW[l];
            if (l == 0) {
                updateFirstLayer(t, n, v, gScale, decay, mu);
            } else {
                float[] gw = gradW[l];
                Arrays.fill(gw, lo * n, hi * n, 0f);
                // dW_l[lo:hi] = A_{l-1}[:, lo:hi]^T Delta_l
                kernels.gemmTN(hi - lo, n, stepCount, a[l - 1], lo, in[l], delta[l], 0, n, gw, lo * n, n);
                kernels.sgdUpdate((hi - lo) * n, weights[l], lo * n, v, gw, lo * n, gScale, decay, mu);
            }
            if (bias && t == 0) {
                float[] gb = gradB[l];
                Arrays.fill(gb, 0f);
                for (int s = 0; s < stepCount; s++) {
                    kernels.axpy(n, 1f, delta[l], s * n, gb, 0);
                }
                kernels.sgdUpdate(n, biases[l], 0, velB == null ? null : velB[l], gb, 0, gScale, 0f, mu);
            }
        }
    }

    /**
     * The first layer's columns owned by part {@code t}, for every pixel p: the gradient
     * {@code dW0[p, own] = Σ_s x_sp delta_0[s, own]} over the samples in which p is not zero, then
     * the SGD step of {@code W0[p, own]}, one row at a time.
     */
    private void updateFirstLayer(int t, int n, float[] v, float gScale, float decay, float mu) {
        int lo = firstColumns[t];
        int width = firstColumns[t + 1] - lo;
        groupByPixel(t);
        int[] start = pixelStart[t];
        float[] row = rowBuffer[t];
        // without momentum or decay, a pixel that is zero in the whole batch leaves its row as it is
        boolean skipEmpty = v == null && decay == 0;
        for (int p = 0; p < in[0]; p++) {
            if (skipEmpty && start[p] == start[p + 1]) {
                continue;
            }
            Arrays.fill(row, 0, width, 0f);
            // dW0[p, own] = Σ_s x_sp delta_0[s, own]
            kernels.gemv(width, start[p], start[p + 1], pixelSample[t], pixelValue[t], delta[0], lo, n, row, 0);
            kernels.sgdUpdate(width, weights[0], p * n + lo, v, row, 0, gScale, decay, mu);
        }
    }

    @Override
    public void publish() {
        if (!unpublished) {
            return;
        }
        unpublished = false;
        for (int l = 0; l < depth; l++) {
            widen(weights[l], 0, network.layer(l).weights().data, weights[l].length);
            widen(biases[l], 0, network.layer(l).biases().data, biases[l].length);
        }
    }

    /** The velocities, as new double arrays (every float is exactly a double, so nothing is lost). */
    @Override
    public double[][] state() {
        if (velW == null) {
            return new double[0][];
        }
        double[][] state = new double[2 * depth][];
        for (int l = 0; l < depth; l++) {
            state[2 * l] = new double[velW[l].length];
            widen(velW[l], 0, state[2 * l], velW[l].length);
            state[2 * l + 1] = new double[velB[l].length];
            widen(velB[l], 0, state[2 * l + 1], velB[l].length);
        }
        return state;
    }

    @Override
    public void restore(double[][] saved) {
        for (int l = 0; velW != null && l < depth; l++) {
            narrow(saved[2 * l], velW[l], 0, velW[l].length);
            narrow(saved[2 * l + 1], velB[l], 0, velB[l].length);
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
