package org.mnistrecognition.network.kernels;

import org.mnistrecognition.network.Activation;

/**
 * The hot loops of training and inference, over the backing arrays of the EJML matrices.
 * Two implementations: {@link VectorKernels} (the incubating Vector API, SIMD) when the JVM
 * was started with {@code --add-modules jdk.incubator.vector}, {@link ScalarKernels} otherwise;
 * {@link #best()} picks one at start-up.
 */
public interface Kernels {

    /** A short name for reports: {@code vector (512-bit, 8 doubles; 256-bit, 8 floats)} or {@code scalar}. */
    String name();

    /** {@code y[yOff..yOff+n) += alpha * x[xOff..xOff+n)}. */
    void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff);

    /** {@code Σ x[xOff+i] * y[yOff+i]} for {@code i < n}. */
    double dot(int n, double[] x, int xOff, double[] y, int yOff);

    /**
     * The fused step of back-propagation and update over one weight row:
     * returns {@code Σ w[wOff+i] d[dOff+i]} computed with the weights as they were, then does
     * {@code w[wOff..wOff+n) += alpha * d[dOff..dOff+n)}.
     */
    double dotThenAxpy(int n, double[] w, int wOff, double[] d, int dOff, double alpha);

    /**
     * A row vector times some rows of a matrix:
     * {@code y[yOff+j] += Σ_k x[k] w[wOff + row(k)*stride + j]} for {@code j < n} and {@code from <= k < to},
     * where {@code row(k) = rows[k]}, or {@code k} when {@code rows} is {@code null}.
     *
     * @param x the vector's values, indexed by {@code k}
     * @param w a row-major matrix, {@code stride} values a row
     */
    void gemv(int n, int from, int to, int[] rows, double[] x, double[] w, int wOff, int stride, double[] y, int yOff);

    /**
     * Applies {@code activation} to {@code n} pre-activations from {@code off}: the sigmoid on these
     * kernels (vectorised where they are), the others as {@link Activation#apply} computes them.
     */
    default void activate(Activation activation, double[] z, double[] a, int off, int n) {
        if (activation == Activation.SIGMOID) {
            sigmoid(z, a, off, n);
        } else {
            activation.apply(z, a, off, n);
        }
    }

    /** {@code a[off..off+n) = 1 / (1 + exp(-z[off..off+n)))}. */
    void sigmoid(double[] z, double[] a, int off, int n);

    /** {@code y[yOff..yOff+n) += alpha * x[xOff..xOff+n)}, in single precision. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /**
     * A matrix product with a transposed operand, in single precision (the mini-batch kernels below all are):
     * {@code c[ci*cStride + cj] += Σ_p a[ai*aStride + p] b[bj*bStride + p]} for rows {@code i < m},
     * columns {@code j < n} and {@code p < k}, all row-major with the given strides and offsets.
     */
    void gemmNT(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                float[] c, int cOff, int cStride);

    /**
     * A matrix product {@code C += A B}: {@code c[i*cStride + j] += Σ_p a[i*aStride + p] b[p*bStride + j]}
     * for {@code i < m, j < n, p < k}, all row-major with the given offsets and strides.
     */
    void gemmNN(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                float[] c, int cOff, int cStride);

    /**
     * A matrix product with the first operand transposed, {@code C += A^T B}:
     * {@code c[i*cStride + j] += Σ_p a[p*aStride + i] b[p*bStride + j]} for {@code i < m, j < n, p < k}.
     */
    void gemmTN(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                float[] c, int cOff, int cStride);

    /** {@link #gemv(int, int, int, int[], double[], double[], int, int, double[], int) gemv} in single precision. */
    void gemv(int n, int from, int to, int[] rows, float[] x, float[] w, int wOff, int stride, float[] y, int yOff);

    /**
     * One SGD step over {@code n} weights: without momentum ({@code v == null})
     * {@code w = (1 - decay) w + gScale g}; with it, {@code v = mu v + gScale g - decay w} then {@code w += v}.
     *
     * @param w weights, updated
     * @param v velocities, updated; {@code null} for plain SGD
     * @param g the summed gradient of the batch
     * @param gScale {@code -learningRate / batchSize}
     * @param decay {@code learningRate * weightDecay}
     */
    void sgdUpdate(int n, float[] w, int wOff, float[] v, float[] g, int gOff, float gScale, float decay, float mu);

    /**
     * The fastest kernels this JVM supports, chosen once: the Vector API when its module is present
     * and the system property {@code mnist.kernels} is not {@code scalar}.
     */
    static Kernels best() {
        return KernelChoice.BEST;
    }

    /** The portable scalar kernels (always available). */
    static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }
}
