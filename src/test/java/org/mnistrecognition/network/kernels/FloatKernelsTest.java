package org.mnistrecognition.network.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The single-precision kernels of mini-batch training: vector and scalar agree (to float rounding,
 * which differs with the order of the additions), at sizes that exercise every block and tail.
 */
class FloatKernelsTest {
    private static final int[] SIZES = {1, 3, 7, 8, 9, 16, 17, 31, 33, 64, 96, 100, 104, 200, 203};
    private final Kernels scalar = Kernels.scalar();
    private final Kernels vector = VectorKernels.INSTANCE;
    private final Random random = new Random(12);

    @Test
    void matrixProducts() {
        for (int m : new int[] {1, 2, 3, 4, 5, 9}) {
            for (int n : new int[] {1, 8, 15, 16, 17, 40, 57}) {
                for (int k : new int[] {1, 7, 8, 13, 16, 27}) {
                    float[] a = randoms(m * k + k * m + 3);
                    float[] b = randoms(k * n + n * k + 3);
                    float[] c1 = randoms(m * n + 2);
                    float[] c2 = c1.clone();
                    float tolerance = 1e-5f * k;
                    scalar.gemmNN(m, n, k, a, 1, k, b, 2, n, c1, 2, n);
                    vector.gemmNN(m, n, k, a, 1, k, b, 2, n, c2, 2, n);
                    assertArrayEquals(c1, c2, tolerance, "NN " + m + "x" + n + "x" + k);
                    scalar.gemmTN(m, n, k, a, 0, m, b, 0, n, c1, 0, n);
                    vector.gemmTN(m, n, k, a, 0, m, b, 0, n, c2, 0, n);
                    assertArrayEquals(c1, c2, tolerance, "TN " + m + "x" + n + "x" + k);
                    scalar.gemmNT(m, n, k, a, 0, k, b, 1, k, c1, 0, n);
                    vector.gemmNT(m, n, k, a, 0, k, b, 1, k, c2, 0, n);
                    assertArrayEquals(c1, c2, tolerance, "NT " + m + "x" + n + "x" + k);
                }
            }
        }
    }

    @Test
    void matrixProductAgainstTheDefinition() {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {1, 0, 2, 1, 0, 3};
        float[] c = new float[4];
        vector.gemmNN(2, 2, 3, a, 0, 3, b, 0, 2, c, 0, 2);
        assertArrayEquals(new float[] {1 + 4, 2 + 9, 4 + 10, 5 + 18}, c, 0);
        float[] t = new float[4];
        // (A^T)(i, p) = a[p*2 + i] with A^T 2x3: rows {1, 3, 5} and {2, 4, 6}
        vector.gemmTN(2, 2, 3, a, 0, 2, b, 0, 2, t, 0, 2);
        assertArrayEquals(new float[] {1 + 6, 3 + 15, 2 + 8, 4 + 18}, t, 0);
    }

    @Test
    void gemvOverSparseRowsAndAxpy() {
        for (int n : SIZES) {
            int rows = 12;
            float[] w = randoms(rows * (n + 3));
            int[] pick = {0, 3, 4, 9, 11};
            float[] x = randoms(pick.length);
            float[] y1 = randoms(n + 1);
            float[] y2 = y1.clone();
            scalar.gemv(n, 1, pick.length, pick, x, w, 2, n + 3, y1, 1);
            vector.gemv(n, 1, pick.length, pick, x, w, 2, n + 3, y2, 1);
            assertArrayEquals(y1, y2, 1e-5f, "sparse gemv " + n);
            float[] dense = randoms(rows);
            scalar.gemv(n, 0, rows, null, dense, w, 0, n + 3, y1, 0);
            vector.gemv(n, 0, rows, null, dense, w, 0, n + 3, y2, 0);
            assertArrayEquals(y1, y2, 1e-4f, "dense gemv " + n);
            scalar.axpy(n, 0.7f, w, 2, y1, 1);
            vector.axpy(n, 0.7f, w, 2, y2, 1);
            assertArrayEquals(y1, y2, 1e-4f, "axpy " + n);
        }
    }

    @Test
    void sgdUpdateWithAndWithoutMomentum() {
        for (int n : SIZES) {
            float[] g = randoms(n);
            float[] w1 = randoms(n);
            float[] w2 = w1.clone();
            scalar.sgdUpdate(n, w1, 0, null, g, 0, -0.1f, 0.01f, 0f);
            vector.sgdUpdate(n, w2, 0, null, g, 0, -0.1f, 0.01f, 0f);
            assertArrayEquals(w1, w2, 1e-6f, "plain " + n);
            float[] v1 = randoms(n);
            float[] v2 = v1.clone();
            scalar.sgdUpdate(n, w1, 0, v1, g, 0, -0.1f, 0.01f, 0.9f);
            vector.sgdUpdate(n, w2, 0, v2, g, 0, -0.1f, 0.01f, 0.9f);
            assertArrayEquals(v1, v2, 1e-6f, "momentum " + n);
            assertArrayEquals(w1, w2, 1e-6f, "momentum " + n);
        }
        float[] w = {1f};
        float[] v = {0.5f};
        vector.sgdUpdate(1, w, 0, v, new float[] {2f}, 0, -0.1f, 0f, 0.9f);
        assertEquals(0.9f * 0.5f - 0.2f, v[0], 1e-7f);
        assertEquals(1.25f, w[0], 1e-7f);
    }

    private float[] randoms(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

}
