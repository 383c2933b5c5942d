package org.mnistrecognition.preprocess;

/**
 * Resamples one axis from {@code n} to {@code m} pixels as a sparse linear map: output pixel {@code j} is
 * {@code sum over k of weights[j][k] * input[first[j] + k]}.
 *
 * <p>Shrinking averages areas: each output pixel covers an interval of the input and takes the mean of the
 * input over it, each input pixel weighted by how much of it lies inside (a box filter, which anti-aliases
 * however large the reduction, and which can shift by fractions of a pixel without further blur). Enlarging
 * interpolates linearly between the two input pixels nearest to the output pixel's centre, repeating the edge
 * pixels beyond the ends.
 */
final class Resampler {

    /** {@code first[j]}: the first input pixel output pixel {@code j} reads; {@code m} entries. */
    private final int[] first;
    /** {@code weights[j]}: the weights of the consecutive input pixels output pixel {@code j} reads; {@code m} arrays. */
    private final double[][] weights;

    private Resampler(int[] first, double[][] weights) {
        this.first = first;
        this.weights = weights;
    }

    /** Resamples {@code n} pixels to {@code m}: area averaging when shrinking, linear interpolation when enlarging. */
    static Resampler of(int n, int m) {
        if (m <= n) {
            return area(n, m, (double) n / m, 0);
        }
        int[] first = new int[m];
        double[][] weights = new double[m][];
        double step = (double) n / m;
        for (int j = 0; j < m; j++) {
            double c = (j + 0.5) * step - 0.5;
            int i0 = (int) Math.floor(c);
            double f = c - i0;
            if (i0 < 0) {
                weights[j] = new double[] {1};
            } else if (i0 >= n - 1) {
                first[j] = n - 1;
                weights[j] = new double[] {1};
            } else {
                first[j] = i0;
                weights[j] = new double[] {1 - f, f};
            }
        }
        return new Resampler(first, weights);
    }

    /**
     * Area averaging of {@code n} input pixels onto {@code m} output pixels, each {@code step} input pixels
     * wide, with the input's leading edge at output coordinate {@code origin}: output pixel {@code j} covers
     * the input interval {@code [(j - origin) step, (j + 1 - origin) step)}; input beyond its ends is
     * background. {@code step} at least 1.
     */
    static Resampler area(int n, int m, double step, double origin) {
        int[] first = new int[m];
        double[][] weights = new double[m][];
        for (int j = 0; j < m; j++) {
            double a = Math.max(0, (j - origin) * step);
            double b = Math.min(n, (j + 1 - origin) * step);
            int lo = (int) Math.floor(a);
            int hi = Math.max(lo, (int) Math.ceil(b));
            first[j] = Math.min(lo, n - 1);
            weights[j] = new double[b > a ? hi - lo : 0];
            for (int i = lo; i < lo + weights[j].length; i++) {
                weights[j][i - lo] = (Math.min(b, i + 1) - Math.max(a, i)) / step;
            }
        }
        return new Resampler(first, weights);
    }

    /** Resamples each of {@code rows} rows of {@code n} values (row-major) to {@code m} values. */
    double[] alongRows(double[] in, int rows) {
        int m = first.length;
        int n = in.length / rows;
        double[] out = new double[rows * m];
        for (int y = 0; y < rows; y++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                double[] w = weights[j];
                int base = y * n + first[j];
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * in[base + k];
                }
                out[y * m + j] = sum;
            }
        }
        return out;
    }

    /** Resamples each of {@code columns} columns of {@code n} values (row-major, {@code n} rows) to {@code m} values. */
    double[] alongColumns(double[] in, int columns) {
        int m = first.length;
        double[] out = new double[m * columns];
        for (int j = 0; j < m; j++) {
            double[] w = weights[j];
            for (int k = 0; k < w.length; k++) {
                int row = (first[j] + k) * columns;
                double wk = w[k];
                for (int x = 0; x < columns; x++) {
                    out[j * columns + x] += wk * in[row + x];
                }
            }
        }
        return out;
    }
}
