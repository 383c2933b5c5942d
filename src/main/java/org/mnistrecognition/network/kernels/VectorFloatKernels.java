package org.mnistrecognition.network.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The single-precision kernels of {@link VectorKernels}, for mini-batch training: the same blocking
 * as the double kernels, on float vectors of at most 256 bits (8 floats; as many FMAs a cycle as
 * 512-bit ones on the cores that split 512-bit work in two, and half the bytes of the doubles).
 */
final class VectorFloatKernels {
    private static final VectorSpecies<Float> S = VectorSpecies.of(float.class,
            VectorShape.forBitSize(Math.min(256, FloatVector.SPECIES_PREFERRED.vectorBitSize())));
    private static final int L = S.length();
    /** Per thread, room for a transposed operand (grown on first use, then reused). */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private VectorFloatKernels() {
    }

    /** {@code 256-bit, 8 floats}: the vectors of these kernels. */
    static String describe() {
        return S.vectorBitSize() + "-bit, " + L + " floats";
    }

    static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = n - L; i <= bound; i += L) {
            FloatVector vx = FloatVector.fromArray(S, x, xOff + i);
            FloatVector vy = FloatVector.fromArray(S, y, yOff + i);
            vx.fma(va, vy).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    static void gemmNT(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] c, int cOff, int cStride) {
        if (k < 2 * L) {
            // dot products this short are mostly reductions: C += A (B^T) with B^T copied out, k x n
            float[] bt = scratch(k * n);
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

    private static float[] scratch(int size) {
        float[] buffer = SCRATCH.get();
        if (buffer.length < size) {
            buffer = new float[size];
            SCRATCH.set(buffer);
        }
        return buffer;
    }

    /** A dot product adding in the order of {@link #ntTile2x4}, so an element comes out the same from a tile or the edge. */
    private static float tileOrderDot(int k, float[] a, int a0, float[] b, int b0) {
        FloatVector acc = FloatVector.zero(S);
        int p = 0;
        for (int bound = k - L; p <= bound; p += L) {
            acc = FloatVector.fromArray(S, a, a0 + p).fma(FloatVector.fromArray(S, b, b0 + p), acc);
        }
        float r = acc.reduceLanes(VectorOperators.ADD);
        for (; p < k; p++) {
            r += a[a0 + p] * b[b0 + p];
        }
        return r;
    }

    /** c[0..2)[0..4) += A rows (2) · B rows (4), each of length k. */
    private static void ntTile2x4(int k, float[] a, int a0, int aStride, float[] b, int b0, int bStride,
                                  float[] c, int c0, int cStride) {
        FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s03 = s00;
        FloatVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        int a1 = a0 + aStride;
        int b1 = b0 + bStride, b2 = b1 + bStride, b3 = b2 + bStride;
        int p = 0;
        for (int bound = k - L; p <= bound; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
            FloatVector x1 = FloatVector.fromArray(S, a, a1 + p);
            FloatVector y = FloatVector.fromArray(S, b, b0 + p);
            s00 = x0.fma(y, s00);
            s10 = x1.fma(y, s10);
            y = FloatVector.fromArray(S, b, b1 + p);
            s01 = x0.fma(y, s01);
            s11 = x1.fma(y, s11);
            y = FloatVector.fromArray(S, b, b2 + p);
            s02 = x0.fma(y, s02);
            s12 = x1.fma(y, s12);
            y = FloatVector.fromArray(S, b, b3 + p);
            s03 = x0.fma(y, s03);
            s13 = x1.fma(y, s13);
        }
        float r00 = s00.reduceLanes(VectorOperators.ADD), r01 = s01.reduceLanes(VectorOperators.ADD);
        float r02 = s02.reduceLanes(VectorOperators.ADD), r03 = s03.reduceLanes(VectorOperators.ADD);
        float r10 = s10.reduceLanes(VectorOperators.ADD), r11 = s11.reduceLanes(VectorOperators.ADD);
        float r12 = s12.reduceLanes(VectorOperators.ADD), r13 = s13.reduceLanes(VectorOperators.ADD);
        for (; p < k; p++) {
            float x0 = a[a0 + p];
            float x1 = a[a1 + p];
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

    static void gemmNN(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] c, int cOff, int cStride) {
        // A(i, p) = a[aOff + i*aStride + p]
        gemm(m, n, k, a, aOff, aStride, 1, b, bOff, bStride, c, cOff, cStride);
    }

    static void gemmTN(int m, int n, int k, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] c, int cOff, int cStride) {
        // (A^T)(i, p) = a[aOff + p*aStride + i]
        gemm(m, n, k, a, aOff, 1, aStride, b, bOff, bStride, c, cOff, cStride);
    }

    /** C += A B with A(i, p) = a[aOff + i*ai + p*ap]. */
    private static void gemm(int m, int n, int k, float[] a, int aOff, int ai, int ap, float[] b, int bOff, int bStride,
                             float[] c, int cOff, int cStride) {
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
            nnRowTail(n, k, a, aOff + i * ai, ap, b, bOff, bStride, c, cOff + i * cStride);
        }
    }

    /** Four rows of C, one vector wide, accumulated in registers over p. */
    private static void nnTile4x1(int k, float[] a, int a0, int ai, int ap, float[] b, int b0, int bStride,
                                  float[] c, int c0, int cStride) {
        FloatVector c00 = FloatVector.fromArray(S, c, c0);
        FloatVector c10 = FloatVector.fromArray(S, c, c0 + cStride);
        FloatVector c20 = FloatVector.fromArray(S, c, c0 + 2 * cStride);
        FloatVector c30 = FloatVector.fromArray(S, c, c0 + 3 * cStride);
        for (int p = 0; p < k; p++) {
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p * bStride);
            int ap0 = a0 + p * ap;
            c00 = y0.fma(FloatVector.broadcast(S, a[ap0]), c00);
            c10 = y0.fma(FloatVector.broadcast(S, a[ap0 + ai]), c10);
            c20 = y0.fma(FloatVector.broadcast(S, a[ap0 + 2 * ai]), c20);
            c30 = y0.fma(FloatVector.broadcast(S, a[ap0 + 3 * ai]), c30);
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c0 + cStride);
        c20.intoArray(c, c0 + 2 * cStride);
        c30.intoArray(c, c0 + 3 * cStride);
    }

    /** Four rows of C, three vectors wide, accumulated in registers over p. */
    private static void nnTile4x3(int k, float[] a, int a0, int ai, int ap, float[] b, int b0, int bStride,
                                  float[] c, int c0, int cStride) {
        int c1 = c0 + cStride, c2 = c1 + cStride, c3 = c2 + cStride;
        FloatVector c00 = FloatVector.fromArray(S, c, c0), c01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector c02 = FloatVector.fromArray(S, c, c0 + 2 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, c1), c11 = FloatVector.fromArray(S, c, c1 + L);
        FloatVector c12 = FloatVector.fromArray(S, c, c1 + 2 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, c2), c21 = FloatVector.fromArray(S, c, c2 + L);
        FloatVector c22 = FloatVector.fromArray(S, c, c2 + 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, c3), c31 = FloatVector.fromArray(S, c, c3 + L);
        FloatVector c32 = FloatVector.fromArray(S, c, c3 + 2 * L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * bStride;
            FloatVector y0 = FloatVector.fromArray(S, b, bp);
            FloatVector y1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector y2 = FloatVector.fromArray(S, b, bp + 2 * L);
            int ap0 = a0 + p * ap;
            FloatVector x = FloatVector.broadcast(S, a[ap0]);
            c00 = y0.fma(x, c00);
            c01 = y1.fma(x, c01);
            c02 = y2.fma(x, c02);
            x = FloatVector.broadcast(S, a[ap0 + ai]);
            c10 = y0.fma(x, c10);
            c11 = y1.fma(x, c11);
            c12 = y2.fma(x, c12);
            x = FloatVector.broadcast(S, a[ap0 + 2 * ai]);
            c20 = y0.fma(x, c20);
            c21 = y1.fma(x, c21);
            c22 = y2.fma(x, c22);
            x = FloatVector.broadcast(S, a[ap0 + 3 * ai]);
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
    private static void nnTile4x2(int k, float[] a, int a0, int ai, int ap, float[] b, int b0, int bStride,
                                  float[] c, int c0, int cStride) {
        FloatVector c00 = FloatVector.fromArray(S, c, c0), c01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector c10 = FloatVector.fromArray(S, c, c0 + cStride), c11 = FloatVector.fromArray(S, c, c0 + cStride + L);
        FloatVector c20 = FloatVector.fromArray(S, c, c0 + 2 * cStride), c21 = FloatVector.fromArray(S, c, c0 + 2 * cStride + L);
        FloatVector c30 = FloatVector.fromArray(S, c, c0 + 3 * cStride), c31 = FloatVector.fromArray(S, c, c0 + 3 * cStride + L);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * bStride;
            FloatVector y0 = FloatVector.fromArray(S, b, bp);
            FloatVector y1 = FloatVector.fromArray(S, b, bp + L);
            int ap0 = a0 + p * ap;
            FloatVector x = FloatVector.broadcast(S, a[ap0]);
            c00 = y0.fma(x, c00);
            c01 = y1.fma(x, c01);
            x = FloatVector.broadcast(S, a[ap0 + ai]);
            c10 = y0.fma(x, c10);
            c11 = y1.fma(x, c11);
            x = FloatVector.broadcast(S, a[ap0 + 2 * ai]);
            c20 = y0.fma(x, c20);
            c21 = y1.fma(x, c21);
            x = FloatVector.broadcast(S, a[ap0 + 3 * ai]);
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

    /** One column of four rows of C past the last whole vector, adding in the order of {@link #nnRowTail}. */
    private static void nnColumn4(int k, float[] a, int a0, int ai, int ap, float[] b, int b0, int bStride,
                                  float[] c, int c0, int cStride) {
        float c0v = c[c0];
        float c1v = c[c0 + cStride];
        float c2v = c[c0 + 2 * cStride];
        float c3v = c[c0 + 3 * cStride];
        for (int p = 0; p < k; p++) {
            float y = b[b0 + p * bStride];
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

    /** One row of C += A B, by axpy over p. */
    private static void nnRowTail(int n, int k, float[] a, int a0, int ap, float[] b, int bOff, int bStride, float[] c, int c0) {
        for (int p = 0; p < k; p++) {
            float x = a[a0 + p * ap];
            if (x != 0) {
                axpy(n, x, b, bOff + p * bStride, c, c0);
            }
        }
    }

    static void gemv(int n, int from, int to, int[] rows, float[] x, float[] w, int wOff, int stride, float[] y, int yOff) {
        int j = 0;
        for (; j + 12 * L <= n; j += 12 * L) {
            gemvBlock12(from, to, rows, x, w, wOff + j, stride, y, yOff + j);
        }
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
            float s = y[yOff + j];
            for (int k = from; k < to; k++) {
                s += x[k] * w[wOff + (rows == null ? k : rows[k]) * stride + j];
            }
            y[yOff + j] = s;
        }
    }

    /** Twelve vectors of columns from {@code w0}, accumulated in registers into {@code y[y0..)}. */
    private static void gemvBlock12(int from, int to, int[] rows, float[] x, float[] w, int w0, int stride, float[] y, int y0) {
        FloatVector s0 = FloatVector.fromArray(S, y, y0);
        FloatVector s1 = FloatVector.fromArray(S, y, y0 + L);
        FloatVector s2 = FloatVector.fromArray(S, y, y0 + 2 * L);
        FloatVector s3 = FloatVector.fromArray(S, y, y0 + 3 * L);
        FloatVector s4 = FloatVector.fromArray(S, y, y0 + 4 * L);
        FloatVector s5 = FloatVector.fromArray(S, y, y0 + 5 * L);
        FloatVector s6 = FloatVector.fromArray(S, y, y0 + 6 * L);
        FloatVector s7 = FloatVector.fromArray(S, y, y0 + 7 * L);
        FloatVector s8 = FloatVector.fromArray(S, y, y0 + 8 * L);
        FloatVector s9 = FloatVector.fromArray(S, y, y0 + 9 * L);
        FloatVector s10 = FloatVector.fromArray(S, y, y0 + 10 * L);
        FloatVector s11 = FloatVector.fromArray(S, y, y0 + 11 * L);
        for (int k = from; k < to; k++) {
            int base = w0 + (rows == null ? k : rows[k]) * stride;
            FloatVector xk = FloatVector.broadcast(S, x[k]);
            s0 = FloatVector.fromArray(S, w, base).fma(xk, s0);
            s1 = FloatVector.fromArray(S, w, base + L).fma(xk, s1);
            s2 = FloatVector.fromArray(S, w, base + 2 * L).fma(xk, s2);
            s3 = FloatVector.fromArray(S, w, base + 3 * L).fma(xk, s3);
            s4 = FloatVector.fromArray(S, w, base + 4 * L).fma(xk, s4);
            s5 = FloatVector.fromArray(S, w, base + 5 * L).fma(xk, s5);
            s6 = FloatVector.fromArray(S, w, base + 6 * L).fma(xk, s6);
            s7 = FloatVector.fromArray(S, w, base + 7 * L).fma(xk, s7);
            s8 = FloatVector.fromArray(S, w, base + 8 * L).fma(xk, s8);
            s9 = FloatVector.fromArray(S, w, base + 9 * L).fma(xk, s9);
            s10 = FloatVector.fromArray(S, w, base + 10 * L).fma(xk, s10);
            s11 = FloatVector.fromArray(S, w, base + 11 * L).fma(xk, s11);
        }
        s0.intoArray(y, y0);
        s1.intoArray(y, y0 + L);
        s2.intoArray(y, y0 + 2 * L);
        s3.intoArray(y, y0 + 3 * L);
        s4.intoArray(y, y0 + 4 * L);
        s5.intoArray(y, y0 + 5 * L);
        s6.intoArray(y, y0 + 6 * L);
        s7.intoArray(y, y0 + 7 * L);
        s8.intoArray(y, y0 + 8 * L);
        s9.intoArray(y, y0 + 9 * L);
        s10.intoArray(y, y0 + 10 * L);
        s11.intoArray(y, y0 + 11 * L);
    }

    /** Eight vectors of columns from {@code w0}, accumulated in registers into {@code y[y0..)}. */
    private static void gemvBlock8(int from, int to, int[] rows, float[] x, float[] w, int w0, int stride, float[] y, int y0) {
        FloatVector s0 = FloatVector.fromArray(S, y, y0);
        FloatVector s1 = FloatVector.fromArray(S, y, y0 + L);
        FloatVector s2 = FloatVector.fromArray(S, y, y0 + 2 * L);
        FloatVector s3 = FloatVector.fromArray(S, y, y0 + 3 * L);
        FloatVector s4 = FloatVector.fromArray(S, y, y0 + 4 * L);
        FloatVector s5 = FloatVector.fromArray(S, y, y0 + 5 * L);
        FloatVector s6 = FloatVector.fromArray(S, y, y0 + 6 * L);
        FloatVector s7 = FloatVector.fromArray(S, y, y0 + 7 * L);
        for (int k = from; k < to; k++) {
            int base = w0 + (rows == null ? k : rows[k]) * stride;
            FloatVector xk = FloatVector.broadcast(S, x[k]);
            s0 = FloatVector.fromArray(S, w, base).fma(xk, s0);
            s1 = FloatVector.fromArray(S, w, base + L).fma(xk, s1);
            s2 = FloatVector.fromArray(S, w, base + 2 * L).fma(xk, s2);
            s3 = FloatVector.fromArray(S, w, base + 3 * L).fma(xk, s3);
            s4 = FloatVector.fromArray(S, w, base + 4 * L).fma(xk, s4);
            s5 = FloatVector.fromArray(S, w, base + 5 * L).fma(xk, s5);
            s6 = FloatVector.fromArray(S, w, base + 6 * L).fma(xk, s6);
            s7 = FloatVector.fromArray(S, w, base + 7 * L).fma(xk, s7);
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
    private static void gemvBlock4(int from, int to, int[] rows, float[] x, float[] w, int w0, int stride, float[] y, int y0) {
        FloatVector s0 = FloatVector.fromArray(S, y, y0);
        FloatVector s1 = FloatVector.fromArray(S, y, y0 + L);
        FloatVector s2 = FloatVector.fromArray(S, y, y0 + 2 * L);
        FloatVector s3 = FloatVector.fromArray(S, y, y0 + 3 * L);
        for (int k = from; k < to; k++) {
            int base = w0 + (rows == null ? k : rows[k]) * stride;
            FloatVector xk = FloatVector.broadcast(S, x[k]);
            s0 = FloatVector.fromArray(S, w, base).fma(xk, s0);
            s1 = FloatVector.fromArray(S, w, base + L).fma(xk, s1);
            s2 = FloatVector.fromArray(S, w, base + 2 * L).fma(xk, s2);
            s3 = FloatVector.fromArray(S, w, base + 3 * L).fma(xk, s3);
        }
        s0.intoArray(y, y0);
        s1.intoArray(y, y0 + L);
        s2.intoArray(y, y0 + 2 * L);
        s3.intoArray(y, y0 + 3 * L);
    }

    /** One vector of columns from {@code w0}, accumulated in a register into {@code y[y0..)}. */
    private static void gemvBlock1(int from, int to, int[] rows, float[] x, float[] w, int w0, int stride, float[] y, int y0) {
        FloatVector s0 = FloatVector.fromArray(S, y, y0);
        for (int k = from; k < to; k++) {
            int base = w0 + (rows == null ? k : rows[k]) * stride;
            s0 = FloatVector.fromArray(S, w, base).fma(FloatVector.broadcast(S, x[k]), s0);
        }
        s0.intoArray(y, y0);
    }

    static void sgdUpdate(int n, float[] w, int wOff, float[] v, float[] g, int gOff, float gScale, float decay, float mu) {
        FloatVector vs = FloatVector.broadcast(S, gScale);
        FloatVector keep = FloatVector.broadcast(S, 1 - decay);
        int i = 0;
        if (v == null) {
            for (int bound = n - L; i <= bound; i += L) {
                FloatVector vw = FloatVector.fromArray(S, w, wOff + i);
                FloatVector vg = FloatVector.fromArray(S, g, gOff + i);
                // w = (1 - decay) w + gScale g
                vg.fma(vs, vw.mul(keep)).intoArray(w, wOff + i);
            }
            for (; i < n; i++) {
                w[wOff + i] = (1 - decay) * w[wOff + i] + gScale * g[gOff + i];
            }
        } else {
            FloatVector vmu = FloatVector.broadcast(S, mu);
            FloatVector vdecay = FloatVector.broadcast(S, -decay);
            for (int bound = n - L; i <= bound; i += L) {
                FloatVector vw = FloatVector.fromArray(S, w, wOff + i);
                FloatVector vg = FloatVector.fromArray(S, g, gOff + i);
                FloatVector vv = FloatVector.fromArray(S, v, wOff + i);
                // v = mu v + gScale g - decay w; w += v
                vv = vw.fma(vdecay, vg.fma(vs, vv.mul(vmu)));
                vv.intoArray(v, wOff + i);
                vw.add(vv).intoArray(w, wOff + i);
            }
            for (; i < n; i++) {
                float vi = mu * v[wOff + i] + gScale * g[gOff + i] - decay * w[wOff + i];
                v[wOff + i] = vi;
                w[wOff + i] += vi;
            }
        }
    }
}
