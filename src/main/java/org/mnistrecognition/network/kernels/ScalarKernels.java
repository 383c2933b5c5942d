package org.mnistrecognition.network.kernels;

/** Plain Java loops, for JVMs without the Vector API module; the reference for the vector kernels' tests. */
public final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public double dotThenAxpy(int n, double[] w, int wOff, double[] d, int dOff, double alpha) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double wi = w[wOff + i];
            double di = d[dOff + i];
            s += wi * di;
            w[wOff + i] = wi + alpha * di;
        }
        return s;
    }

    @Override
    public void gemv(int n, int from, int to, int[] rows, double[] x, double[] w, int wOff, int stride, double[] y, int yOff) {
        for (int k = from; k < to; k++) {
            int row = rows == null ? k : rows[k];
            if (x[k] != 0) {
                axpy(n, x[k], w, wOff + row * stride, y, yOff);
            }
        }
    }

    @Override
    public void sigmoid(double[] z, double[] a, int off, int n) {
        for (int i = off; i < off + n; i++) {
            a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void gemmNT(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] c, int cOff, int cStride) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[aOff + i * aStride + p] * b[bOff + j * bStride + p];
                }
                c[cOff + i * cStride + j] += s;
            }
        }
    }

    @Override
    public void gemmNN(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] c, int cOff, int cStride) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * aStride + p];
                if (aip != 0) {
                    axpy(n, aip, b, bOff + p * bStride, c, cOff + i * cStride);
                }
            }
        }
    }

    @Override
    public void gemmTN(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] c, int cOff, int cStride) {
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < m; i++) {
                float api = a[aOff + p * aStride + i];
                if (api != 0) {
                    axpy(n, api, b, bOff + p * bStride, c, cOff + i * cStride);
                }
            }
        }
    }

    @Override
    public void gemv(int n, int from, int to, int[] rows, float[] x, float[] w, int wOff, int stride, float[] y, int yOff) {
        for (int k = from; k < to; k++) {
            int row = rows == null ? k : rows[k];
            if (x[k] != 0) {
                axpy(n, x[k], w, wOff + row * stride, y, yOff);
            }
        }
    }

    @Override
    public void sgdUpdate(int n, float[] w, int wOff, float[] v, float[] g, int gOff, float gScale, float decay, float mu) {
        if (v == null) {
            for (int i = 0; i < n; i++) {
                w[wOff + i] = (1 - decay) * w[wOff + i] + gScale * g[gOff + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                float vi = mu * v[wOff + i] + gScale * g[gOff + i] - decay * w[wOff + i];
                v[wOff + i] = vi;
                w[wOff + i] += vi;
            }
        }
    }
}
