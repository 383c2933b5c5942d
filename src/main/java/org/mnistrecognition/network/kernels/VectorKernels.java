package org.mnistrecognition.network.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the incubating Vector API: the double-precision ones here, at the machine's
 * preferred width (8 doubles with AVX-512), the single-precision ones of mini-batch training in
 * {@link VectorFloatKernels}. Loaded only when {@code jdk.incubator.vector} is in the boot layer;
 * see {@link Kernels#best()}.
 * Each method is kept small so that C2 inlines and vectorises it on JDK 17.
 */
public final class VectorKernels implements Kernels {
    public static final VectorKernels INSTANCE = new VectorKernels();

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernels() {
    }

    @Override
    public String name() {
        return "vector (" + S.vectorBitSize() + "-bit, " + L + " doubles; " + VectorFloatKernels.describe() + ")";
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        vaxpy(n, alpha, x, xOff, y, yOff);
    }

    private static void vaxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = n - L; i <= bound; i += L) {
            DoubleVector vx = DoubleVector.fromArray(S, x, xOff + i);
            DoubleVector vy = DoubleVector.fromArray(S, y, yOff + i);
            vx.fma(va, vy).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        DoubleVector acc0 = DoubleVector.zero(S);
        DoubleVector acc1 = DoubleVector.zero(S);
        int i = 0;
        for (int bound = n - 2 * L; i <= bound; i += 2 * L) {
            acc0 = DoubleVector.fromArray(S, x, xOff + i).fma(DoubleVector.fromArray(S, y, yOff + i), acc0);
            acc1 = DoubleVector.fromArray(S, x, xOff + i + L).fma(DoubleVector.fromArray(S, y, yOff + i + L), acc1);
        }
        for (int bound = n - L; i <= bound; i += L) {
            acc0 = DoubleVector.fromArray(S, x, xOff + i).fma(DoubleVector.fromArray(S, y, yOff + i), acc0);
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public double dotThenAxpy(int n, double[] w, int wOff, double[] d, int dOff, double alpha) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (int bound = n - L; i <= bound; i += L) {
            DoubleVector vw = DoubleVector.fromArray(S, w, wOff + i);
            DoubleVector vd = DoubleVector.fromArray(S, d, dOff + i);
            acc = vw.fma(vd, acc);
            vd.fma(va, vw).intoArray(w, wOff + i);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double wi = w[wOff + i];
            double di = d[dOff + i];
            s += wi * di;
            w[wOff + i] = wi + alpha * di;
        }
        return s;
    }

    @Override
    public void gemv(int n, int from, int to, int[] rows, double[] x, double[] w, int wOff, int stride, double[] y, int yOff) {
        int j = 0;
        for (; j + 8 * L <= n; j += 8 * L) {
            gemvBlock8(from, to, rows, x, w, wOff + j, stride, y, yOff + j);
        }
        for (; j + 4 * L <= n; j += 4 * L) {
            gemvBlock4(from, to, rows, x, w, wOff + j, stride, y, yOff + j);
        }
        for (; j + L <= n; j += L) {
            gemvBlock1(from, to, rows, x, w, wOff + j, stride, y, yOff + j);
        }
        for (; j < n; j++) {
            double s = y[yOff + j];
            for (int k = from; k < to; k++) {
                s += x[k] * w[wOff + (rows == null ? k : rows[k]) * stride + j];
            }
            y[yOff + j] = s;
        }
    }

    /** Eight vectors of columns from {@code w0}, accumulated in registers into {@code y[y0..)}. */
    private static void gemvBlock8(int from, int to, int[] rows, double[] x, double[] w, int w0, int stride, double[] y, int y0) {
        DoubleVector s0 = DoubleVector.fromArray(S, y, y0);
        DoubleVector s1 = DoubleVector.fromArray(S, y, y0 + L);
        DoubleVector s2 = DoubleVector.fromArray(S, y, y0 + 2 * L);
        DoubleVector s3 = DoubleVector.fromArray(S, y, y0 + 3 * L);
        DoubleVector s4 = DoubleVector.fromArray(S, y, y0 + 4 * L);
        DoubleVector s5 = DoubleVector.fromArray(S, y, y0 + 5 * L);
        DoubleVector s6 = DoubleVector.fromArray(S, y, y0 + 6 * L);
        DoubleVector s7 = DoubleVector.fromArray(S, y, y0 + 7 * L);
        for (int k = from; k < to; k++) {
            int base = w0 + (rows == null ? k : rows[k]) * stride;
            DoubleVector xk = DoubleVector.broadcast(S, x[k]);
            s0 = DoubleVector.fromArray(S, w, base).fma(xk, s0);
            s1 = DoubleVector.fromArray(S, w, base + L).fma(xk, s1);
            s2 = DoubleVector.fromArray(S, w, base + 2 * L).fma(xk, s2);
            s3 = DoubleVector.fromArray(S, w, base + 3 * L).fma(xk, s3);
            s4 = DoubleVector.fromArray(S, w, base + 4 * L).fma(xk, s4);
            s5 = DoubleVector.fromArray(S, w, base + 5 * L).fma(xk, s5);
            s6 = DoubleVector.fromArray(S, w, base + 6 * L).fma(xk, s6);
            s7 = DoubleVector.fromArray(S, w, base + 7 * L).fma(xk, s7);
        }
        s0.intoArray(y, y0);
        s1.intoArray(y, y0 + L);
        s2.intoArray(y, y0 + 2 * L);
        s3.intoArray(y, y0 + 3 * L);
        s4.intoArray(y, y0 + 4 * L);
        s5.intoArray(y, y0 + 5 * L);
        s6.intoArray(y, y0 + 6 * L);
        s7.intoArray(y, y0 + 7 * L);
    }

    /** Four vectors of columns from {@code w0}, accumulated in registers into {@code y[y0..)}. */
    private static void gemvBlock4(int from, int to, int[] rows, double[] x, double[] w, int w0, int stride, double[] y, int y0) {
        DoubleVector s0 = DoubleVector.fromArray(S, y, y0);
        DoubleVector s1 = DoubleVector.fromArray(S, y, y0 + L);
        DoubleVector s2 = DoubleVector.fromArray(S, y, y0 + 2 * L);
        DoubleVector s3 = DoubleVector.fromArray(S, y, y0 + 3 * L);
        for (int k = from; k < to; k++) {
            int base = w0 + (rows == null ? k : rows[k]) * stride;
            DoubleVector xk = DoubleVector.broadcast(S, x[k]);
            s0 = DoubleVector.fromArray(S, w, base).fma(xk, s0);
            s1 = DoubleVector.fromArray(S, w, base + L).fma(xk, s1);
            s2 = DoubleVector.fromArray(S, w, base + 2 * L).fma(xk, s2);
            s3 = DoubleVector.fromArray(S, w, base + 3 * L).fma(xk, s3);
        }
        s0.intoArray(y, y0);
        s1.intoArray(y, y0 + L);
        s2.intoArray(y, y0 + 2 * L);
        s3.intoArray(y, y0 + 3 * L);
    }

    /** One vector of columns from {@code w0}, accumulated in a register into {@code y[y0..)}. */
    private static void gemvBlock1(int from, int to, int[] rows, double[] x, double[] w, int w0, int stride, double[] y, int y0) {
        DoubleVector s0 = DoubleVector.fromArray(S, y, y0);
        for (int k = from; k < to; k++) {
            int base = w0 + (rows == null ? k : rows[k]) * stride;
            s0 = DoubleVector.fromArray(S, w, base).fma(DoubleVector.broadcast(S, x[k]), s0);
        }
        s0.intoArray(y, y0);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        VectorFloatKernels.axpy(n, alpha, x, xOff, y, yOff);
    }

    @Override
    public void gemmNT(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] c, int cOff, int cStride) {
        VectorFloatKernels.gemmNT(m, n, k, a, aOff, aStride, b, bOff, bStride, c, cOff, cStride);
    }

    @Override
    public void gemmNN(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] c, int cOff, int cStride) {
        VectorFloatKernels.gemmNN(m, n, k, a, aOff, aStride, b, bOff, bStride, c, cOff, cStride);
    }

    @Override
    public void gemmTN(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] c, int cOff, int cStride) {
        VectorFloatKernels.gemmTN(m, n, k, a, aOff, aStride, b, bOff, bStride, c, cOff, cStride);
    }

    @Override
    public void gemv(int n, int from, int to, int[] rows, float[] x, float[] w, int wOff, int stride, float[] y, int yOff) {
        VectorFloatKernels.gemv(n, from, to, rows, x, w, wOff, stride, y, yOff);
    }

    @Override
    public void sgdUpdate(int n, float[] w, int wOff, float[] v, float[] g, int gOff, float gScale, float decay, float mu) {
        VectorFloatKernels.sgdUpdate(n, w, wOff, v, g, gOff, gScale, decay, mu);
    }

    /**
     * {@code a = 1 / (1 + e^-z)} with a vectorised e^x of our own (a degree-13 polynomial after
     * range reduction, within 2 ulp of {@code Math.exp}): built from add, multiply, fma and bit
     * operations only, it gives the same bits in the interpreter and in compiled code, unlike the
     * Vector API's {@code EXP}, whose result changes when C2 compiles the caller.
     */
    @Override
    public void sigmoid(double[] z, double[] a, int off, int n) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int bound = n - L; i <= bound; i += L) {
            DoubleVector minusZ = DoubleVector.fromArray(S, z, off + i).neg();
            // a = 1 / (1 + exp(-z))
            one.div(exp(minusZ).add(one)).intoArray(a, off + i);
        }
        for (; i < n; i++) {
            a[off + i] = 1.0 / (1.0 + scalarExp(-z[off + i]));
        }
    }

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer in its low bits. */
    private static final double ROUNDER = 6755399441055744.0;
    private static final double LIMIT = 708.0;
    /** 1/k! for k = 13 down to 0: e^r = Σ r^k / k! for |r| <= ln2 / 2. */
    private static final double[] TAYLOR = {
        1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
        1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0};

    /** e^x lane by lane, for x clamped to ±708 (beyond that the sigmoid is 0 or 1 to double precision anyway). */
    private static DoubleVector exp(DoubleVector x) {
        x = x.max(-LIMIT).min(LIMIT);
        // x = k ln2 + r, k = round(x / ln2)
        DoubleVector shifted = x.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, ROUNDER));
        DoubleVector k = shifted.sub(ROUNDER);
        DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_HI), x);
        r = k.fma(DoubleVector.broadcast(S, -LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(S, TAYLOR[0]);
        for (int t = 1; t < TAYLOR.length; t++) {
            p = p.fma(r, DoubleVector.broadcast(S, TAYLOR[t]));
        }
        // 2^k from k's bits: the low bits of `shifted` hold k; (k + 1023) << 52 is the double 2^k
        LongVector kBits = shifted.viewAsIntegralLanes().reinterpretAsLongs()
                .sub(Double.doubleToRawLongBits(ROUNDER)).add(1023L).lanewise(VectorOperators.LSHL, 52);
        return p.mul(kBits.viewAsFloatingLanes().reinterpretAsDoubles());
    }

    /** The same computation as {@link #exp(DoubleVector)} for one value, so tails agree with vector lanes. */
    private static double scalarExp(double x) {
        x = Math.min(Math.max(x, -LIMIT), LIMIT);
        double shifted = Math.fma(x, LOG2E, ROUNDER);
        double k = shifted - ROUNDER;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double p = TAYLOR[0];
        for (int t = 1; t < TAYLOR.length; t++) {
            p = Math.fma(p, r, TAYLOR[t]);
        }
        long kBits = (Double.doubleToRawLongBits(shifted) - Double.doubleToRawLongBits(ROUNDER) + 1023L) << 52;
        return p * Double.longBitsToDouble(kBits);
    }
}
