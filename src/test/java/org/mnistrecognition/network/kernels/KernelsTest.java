package org.mnistrecognition.network.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The double-precision vector kernels agree with the scalar ones, at sizes that exercise every tail loop. */
class KernelsTest {
    private static final int[] SIZES = {1, 3, 7, 8, 9, 10, 16, 17, 31, 33, 64, 100, 200, 203};
    private final Kernels scalar = Kernels.scalar();
    private final Kernels vector = VectorKernels.INSTANCE;
    private final Random random = new Random(11);

    @Test
    void theVectorKernelsAreTheOnesInUse() {
        assertTrue(Kernels.best().name().startsWith("vector"), "tests run with --add-modules jdk.incubator.vector");
    }

    @Test
    void axpyDotAndFusedStep() {
        for (int n : SIZES) {
            double[] x = randoms(n + 5);
            double[] y1 = randoms(n + 5);
            double[] y2 = y1.clone();
            scalar.axpy(n, 0.7, x, 2, y1, 1);
            vector.axpy(n, 0.7, x, 2, y2, 1);
            assertArrayEquals(y1, y2, 1e-14, "axpy " + n);
            assertEquals(scalar.dot(n, x, 1, y1, 3), vector.dot(n, x, 1, y1, 3), 1e-12, "dot " + n);
            double[] w1 = randoms(n + 2);
            double[] w2 = w1.clone();
            double d1 = scalar.dotThenAxpy(n, w1, 1, x, 0, -0.3);
            double d2 = vector.dotThenAxpy(n, w2, 1, x, 0, -0.3);
            assertEquals(d1, d2, 1e-12, "fused dot " + n);
            assertArrayEquals(w1, w2, 1e-14, "fused update " + n);
        }
    }

    @Test
    void gemvSparseRowsAndSigmoid() {
        for (int n : SIZES) {
            int rows = 12;
            double[] w = randoms(rows * (n + 3));
            int[] pick = {0, 3, 4, 9, 11};
            double[] x = randoms(pick.length);
            double[] y1 = randoms(n + 1);
            double[] y2 = y1.clone();
            scalar.gemv(n, 1, pick.length, pick, x, w, 2, n + 3, y1, 1);
            vector.gemv(n, 1, pick.length, pick, x, w, 2, n + 3, y2, 1);
            assertArrayEquals(y1, y2, 1e-12, "sparse gemv " + n);
            scalar.gemv(n, 0, rows, null, randomsSeeded(rows), w, 0, n + 3, y1, 0);
            vector.gemv(n, 0, rows, null, randomsSeeded(rows), w, 0, n + 3, y2, 0);
            assertArrayEquals(y1, y2, 1e-12, "dense gemv " + n);
            double[] z = randoms(n);
            double[] a1 = new double[n];
            double[] a2 = new double[n];
            scalar.sigmoid(z, a1, 0, n);
            vector.sigmoid(z, a2, 0, n);
            assertArrayEquals(a1, a2, 1e-15, "sigmoid " + n);
        }
    }

    private double[] randoms(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double[] randomsSeeded(int n) {
        Random r = new Random(n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble();
        }
        return v;
    }
}
