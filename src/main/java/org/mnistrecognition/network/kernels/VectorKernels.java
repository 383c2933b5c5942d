package org.mnistrecognition.network.kernels;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the incubating Vector API, at the machine's preferred width (8 doubles with
 * AVX-512). Loaded only when {@code jdk.incubator.vector} is in the boot layer; see {@link Kernels#best()}.
 * Each method is kept small so that C2 inlines and vectorises it on JDK 17.
 */
public final class VectorKernels implements Kernels {
    public static final VectorKernels INSTANCE = new VectorKernels();

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Per thread, room for a transposed operand (grown on first use, then reused). */
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

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
    public void gemmNT(int m, int n, int k, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride,
                       double[] c, int cOff, int cStride) {
        if (k < 2 * L) {
            // dot products this short are mostly reductions: C += A (B^T) with B^T copied out, k x n
            double[] bt = scratch(k * n);
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    bt[p * n + j] = b[bOff + j * bStride + p];
                }
            }
            gemm(m, n, k, a, aOff, aStride, 1, bt, 0, n, c, cOff, cStride);
            return;
        }
        int i = 0;
        for (; i + 2 <= m; i += 2) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                ntTile2x4(k, a, aOff + i * aStride, aStride, b, bOff + j * bStride, bStride, c, cOff + i * cStride + j, cStride);
            }
            for (; j < n; j++) {
                c[cOff + i * cStride + j] += tileOrderDot(k, a, aOff + i * aStride, b, bOff + j * bStride);
                c[cOff + (i + 1) * cStride + j] += tileOrderDot(k, a, aOff + (i + 1) * aStride, b, bOff + j * bStride);
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOff + i * cStride + j] += tileOrderDot(k, a, aOff + i * aStride, b, bOff + j * bStride);
            }
        }
    }

    /** A buffer of at least {@code size} doubles for this thread's use during one call. */
    private static double[] scratch(int size) {
        double[] buffer = SCRATCH.get();
        if (buffer.length < size) {
            buffer = new double[size];
            SCRATCH.set(buffer);
        }
        return buffer;
    }

    /**
     * A dot product that adds in exactly the order of {@link #ntTile2x4}, so that an element of
     * {@code gemmNT} comes out the same whether a tile or the edge computed it.
     */
    private static double tileOrderDot(int k, double[] a, int a0, double[] b, int b0) {
        DoubleVector acc = DoubleVector.zero(S);
        int p = 0;
        for (int bound = k - L; p <= bound; p += L) {
            acc = DoubleVector.fromArray(S, a, a0 + p).fma(DoubleVector.fromArray(S, b, b0 + p), acc);
        }
        double r = acc.reduceLanes(VectorOperators.ADD);
        for (; p < k; p++) {
            r += a[a0 + p] * b[b0 + p];
        }
        return r;
    }

    /** c[0..2)[0..4) += A rows (2) · B rows (4), each of length k. */
    private static void ntTile2x4(int k, double[] a, int a0, int aStride, double[] b, int b0, int bStride,
                                  double[] c, int c0, int cStride) {
        DoubleVector s00 = DoubleVector.zero(S), s01 = s00, s02 = s00, s03 = s00;
        DoubleVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        int a1 = a0 + aStride;
        int b1 = b0 + bStride, b2 = b1 + bStride, b3 = b2 + bStride;
        int p = 0;
        for (int bound = k - L; p <= bound; p += L) {
            DoubleVector x0 = DoubleVector.fromArray(S, a, a0 + p);
            DoubleVector x1 = DoubleVector.fromArray(S, a, a1 + p);
            DoubleVector y = DoubleVector.fromArray(S, b, b0 + p);
            s00 = x0.fma(y, s00);
            s10 = x1.fma(y, s10);
            y = DoubleVector.fromArray(S, b, b1 + p);
            s01 = x0.fma(y, s01);
            s11 = x1.fma(y, s11);
            y = DoubleVector.fromArray(S, b, b2 + p);
            s02 = x0.fma(y, s02);
            s12 = x1.fma(y, s12);
            y = DoubleVector.fromArray(S, b, b3 + p);
            s03 = x0.fma(y, s03);
            s13 = x1.fma(y, s13);
        }
        double r00 = s00.reduceLanes(VectorOperators.ADD), r01 = s01.reduceLanes(VectorOperators.ADD);
        double r02 = s02.reduceLanes(VectorOperators.ADD), r03 = s03.reduceLanes(VectorOperators.ADD);
        double r10 = s10.reduceLanes(VectorOperators.ADD), r11 = s11.reduceLanes(VectorOperators.ADD);
        double r12 = s12.reduceLanes(VectorOperators.ADD), r13 = s13.reduceLanes(VectorOperators.ADD);
        for (; p < k; p++) {
            double x0 = a[a0 + p];
            double x1 = a[a1 + p];
            r00 += x0 * b[b0 + p];
            r01 += x0 * b[b1 + p];
            r02 += x0 * b[b2 + p];
            r03 += x0 * b[b3 + p];
            r10 += x1 * b[b0 + p];
            r11 += x1 * b[b1 + p];
            r12 += x1 * b[b2 + p];
            r13 += x1 * b[b3 + p];
        }
        c[c0] += r00;
        c[c0 + 1] += r01;
        c[c0 + 2] += r02;
        c[c0 + 3] += r03;
        c[c0 + cStride] += r10;
        c[c0 + cStride + 1] += r11;
        c[c0 + cStride + 2] += r12;
        c[c0 + cStride + 3] += r13;
    }

    @Override
    public void gemmNN(int m, int n, int k, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride,
                       double[] c, int cOff, int cStride) {
        // A(i, p) = a[aOff + i*aStride + p]: consecutive rows are aStride apart, columns 1 apart
        gemm(m, n, k, a, aOff, aStride, 1, b, bOff, bStride, c, cOff, cStride);
    }

    @Override
    public void gemmTN(int m, int n, int k, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride,
                       double[] c, int cOff, int cStride) {
        // (A^T)(i, p) = a[aOff + p*aStride + i]: rows 1 apart, columns aStride apart
        gemm(m, n, k, a, aOff, 1, aStride, b, bOff, bStride, c, cOff, cStride);
    }

    /** C += A B with A(i, p) = a[aOff + i*ai + p*ap]. */
    private static void gemm(int m, int n, int k, double[] a, int aOff, int ai, int ap, double[] b, int bOff, int bStride,
                             double[] c, int cOff, int cStride) {
        int n3 = n - n % (3 * L);
        int n2 = n3 + (n - n3) / (2 * L) * 2 * L;
        int n1 = n - n % L;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            for (int j = 0; j < n3; j += 3 * L) {
                nnTile4x3(k, a, aOff + i * ai, ai, ap, b, bOff + j, bStride, c, cOff + i * cStride + j, cStride);
            }
            for (int j = n3; j < n2; j += 2 * L) {
                nnTile4x2(k, a, aOff + i * ai, ai, ap, b, bOff + j, bStride, c, cOff + i * cStride + j, cStride);
            }
            if (n1 > n2) {
                nnTile4x1(k, a, aOff + i * ai, ai, ap, b, bOff + n2, bStride, c, cOff + i * cStride + n2, cStride);
            }
            for (int j = n1; j < n; j++) {
                nnColumn4(k, a, aOff + i * ai, ai, ap, b, bOff + j, bStride, c, cOff + i * cStride + j, cStride);
            }
        }
        for (; i < m; i++) {
            nnRowTail(0, n, k, a, aOff + i * ai, ap, b, bOff, bStride, c, cOff + i * cStride);
        }
    }

    /** Four rows of C, one vector wide, accumulated in registers over p. */
    private static void nnTile4x1(int k, double[] a, int a0, int ai, int ap, double[] b, int b0, int bStride,
                                  double[] c, int c0, int cStride) {
        DoubleVector c00 = DoubleVector.fromArray(S, c, c0);
        DoubleVector c10 = DoubleVector.fromArray(S, c, c0 + cStride);
        DoubleVector c20 = DoubleVector.fromArray(S, c, c0 + 2 * cStride);
        DoubleVector c30 = DoubleVector.fromArray(S, c, c0 + 3 * cStride);
        for (int p = 0; p < k; p++) {
            DoubleVector y0 = DoubleVector.fromArray(S, b, b0 + p * bStride);
            int ap0 = a0 + p * ap;
            c00 = y0.fma(DoubleVector.broadcast(S, a[ap0]), c00);
            c10 = y0.fma(DoubleVector.broadcast(S, a[ap0 + ai]), c10);
            c20 = y0.fma(DoubleVector.broadcast(S, a[ap0 + 2 * ai]), c20);
            c30 = y0.fma(DoubleVector.broadcast(S, a[ap0 + 3 * ai]), c30);
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c0 + cStride);
        c20.intoArray(c, c0 + 2 * cStride);
        c30.intoArray(c, c0 + 3 * cStride);
    }

    /** Four rows of C, three vectors wide, accumulated in registers over p. */
    private static void nnTile4x3(int k, double[] a, int a0, int ai, int ap, double[] b, int b0, int bStride,
                                  double[] c, int c0, int cStride) {
        int c1 = c0 + cStride, c2 = c1 + cStride, c3 = c2 + cStride;
        DoubleVector c00 = DoubleVector.fromArray(S, c, c0), c01 = DoubleVector.fromArray(S, c, c0 + L);
        DoubleVector c02 = DoubleVector.fromArray(S, c, c0 + 2 * L);
        DoubleVector c10 = DoubleVector.fromArray(S, c, c1), c11 = DoubleVector.fromArray(S, c, c1 + L);
        DoubleVector c12 = DoubleVector.fromArray(S, c, c1 + 2 * L);
        DoubleVector c20 = DoubleVector.fromArray(S, c, c2), c21 = DoubleVector.fromArray(S, c, c2 + L);
        DoubleVector c22 = DoubleVector.fromArray(S, c, c2 + 2 * L);
        DoubleVector c30 = DoubleVector.fromArray(S, c, c3), c31 = DoubleVector.fromArray(S, c, c3 + L);
        DoubleVector c32 = DoubleVector.fromArray(S, c, c3 + 2 * L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * bStride;
            DoubleVector y0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector y1 = DoubleVector.fromArray(S, b, bp + L);
            DoubleVector y2 = DoubleVector.fromArray(S, b, bp + 2 * L);
            int ap0 = a0 + p * ap;
            DoubleVector x = DoubleVector.broadcast(S, a[ap0]);
            c00 = y0.fma(x, c00);
            c01 = y1.fma(x, c01);
            c02 = y2.fma(x, c02);
            x = DoubleVector.broadcast(S, a[ap0 + ai]);
            c10 = y0.fma(x, c10);
            c11 = y1.fma(x, c11);
            c12 = y2.fma(x, c12);
            x = DoubleVector.broadcast(S, a[ap0 + 2 * ai]);
            c20 = y0.fma(x, c20);
            c21 = y1.fma(x, c21);
            c22 = y2.fma(x, c22);
            x = DoubleVector.broadcast(S, a[ap0 + 3 * ai]);
            c30 = y0.fma(x, c30);
            c31 = y1.fma(x, c31);
            c32 = y2.fma(x, c32);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c02.intoArray(c, c0 + 2 * L);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + L);
        c12.intoArray(c, c1 + 2 * L);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + L);
        c22.intoArray(c, c2 + 2 * L);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + L);
        c32.intoArray(c, c3 + 2 * L);
    }

    /** Four rows of C, two vectors wide, accumulated in registers over p. */
    private static void nnTile4x2(int k, double[] a, int a0, int ai, int ap, double[] b, int b0, int bStride,
                                  double[] c, int c0, int cStride) {
        DoubleVector c00 = DoubleVector.fromArray(S, c, c0), c01 = DoubleVector.fromArray(S, c, c0 + L);
        DoubleVector c10 = DoubleVector.fromArray(S, c, c0 + cStride), c11 = DoubleVector.fromArray(S, c, c0 + cStride + L);
        DoubleVector c20 = DoubleVector.fromArray(S, c, c0 + 2 * cStride), c21 = DoubleVector.fromArray(S, c, c0 + 2 * cStride + L);
        DoubleVector c30 = DoubleVector.fromArray(S, c, c0 + 3 * cStride), c31 = DoubleVector.fromArray(S, c, c0 + 3 * cStride + L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * bStride;
            DoubleVector y0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector y1 = DoubleVector.fromArray(S, b, bp + L);
            int ap0 = a0 + p * ap;
            DoubleVector x = DoubleVector.broadcast(S, a[ap0]);
            c00 = y0.fma(x, c00);
            c01 = y1.fma(x, c01);
            x = DoubleVector.broadcast(S, a[ap0 + ai]);
            c10 = y0.fma(x, c10);
            c11 = y1.fma(x, c11);
            x = DoubleVector.broadcast(S, a[ap0 + 2 * ai]);
            c20 = y0.fma(x, c20);
            c21 = y1.fma(x, c21);
            x = DoubleVector.broadcast(S, a[ap0 + 3 * ai]);
            c30 = y0.fma(x, c30);
            c31 = y1.fma(x, c31);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c10.intoArray(c, c0 + cStride);
        c11.intoArray(c, c0 + cStride + L);
        c20.intoArray(c, c0 + 2 * cStride);
        c21.intoArray(c, c0 + 2 * cStride + L);
        c30.intoArray(c, c0 + 3 * cStride);
        c31.intoArray(c, c0 + 3 * cStride + L);
    }

    /**
     * One column of four rows of C, past the last whole vector, in scalar registers over p: each
     * element adds its products in the order, and with the rounding, of {@link #nnRowTail}.
     */
    private static void nnColumn4(int k, double[] a, int a0, int ai, int ap, double[] b, int b0, int bStride,
                                  double[] c, int c0, int cStride) {
        double c0v = c[c0];
        double c1v = c[c0 + cStride];
        double c2v = c[c0 + 2 * cStride];
        double c3v = c[c0 + 3 * cStride];
        for (int p = 0; p < k; p++) {
            double y = b[b0 + p * bStride];
            int ap0 = a0 + p * ap;
            c0v += a[ap0] * y;
            c1v += a[ap0 + ai] * y;
            c2v += a[ap0 + 2 * ai] * y;
            c3v += a[ap0 + 3 * ai] * y;
        }
        c[c0] = c0v;
        c[c0 + cStride] = c1v;
        c[c0 + 2 * cStride] = c2v;
        c[c0 + 3 * cStride] = c3v;
    }

    /** Columns [from, n) of one row of C += A B, by axpy over p. */
    private static void nnRowTail(int from, int n, int k, double[] a, int a0, int ap, double[] b, int bOff, int bStride,
                                  double[] c, int c0) {
        if (from >= n) {
            return;
        }
        for (int p = 0; p < k; p++) {
            double x = a[a0 + p * ap];
            if (x != 0) {
                vaxpy(n - from, x, b, bOff + p * bStride + from, c, c0 + from);
            }
        }
    }

    @Override
    public void sgdUpdate(int n, double[] w, int wOff, double[] v, double[] g, int gOff, double gScale, double decay, double mu) {
        DoubleVector vs = DoubleVector.broadcast(S, gScale);
        DoubleVector keep = DoubleVector.broadcast(S, 1 - decay);
        int i = 0;
        if (v == null) {
            for (int bound = n - L; i <= bound; i += L) {
                DoubleVector vw = DoubleVector.fromArray(S, w, wOff + i);
                DoubleVector vg = DoubleVector.fromArray(S, g, gOff + i);
                // w = (1 - decay) w + gScale g
                vg.fma(vs, vw.mul(keep)).intoArray(w, wOff + i);
            }
            for (; i < n; i++) {
                w[wOff + i] = (1 - decay) * w[wOff + i] + gScale * g[gOff + i];
            }
        } else {
            DoubleVector vmu = DoubleVector.broadcast(S, mu);
            DoubleVector vdecay = DoubleVector.broadcast(S, -decay);
            for (int bound = n - L; i <= bound; i += L) {
                DoubleVector vw = DoubleVector.fromArray(S, w, wOff + i);
                DoubleVector vg = DoubleVector.fromArray(S, g, gOff + i);
                DoubleVector vv = DoubleVector.fromArray(S, v, wOff + i);
                // v = mu v + gScale g - decay w
                vv = vw.fma(vdecay, vg.fma(vs, vv.mul(vmu)));
                vv.intoArray(v, wOff + i);
                vw.add(vv).intoArray(w, wOff + i);
            }
            for (; i < n; i++) {
                double vi = mu * v[wOff + i] + gScale * g[gOff + i] - decay * w[wOff + i];
                v[wOff + i] = vi;
                w[wOff + i] += vi;
            }
        }
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
