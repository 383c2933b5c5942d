package org.mnistrecognition.app.training;

import org.mnistrecognition.history.LearningCurve;

/**
 * A {@link LearningCurve}'s cost points merged per pixel column of the chart, so that a redraw
 * costs the same however many points the curve holds: for each column that has points, the
 * lowest raw cost, the highest, and the mean of the moving averages of its points.
 *
 * <p>The arrays hold {@link #size()} columns in ascending order; column {@code i} is pixel column
 * {@code column[i]} (the integer part of the x coordinate its points map to). Points whose low or
 * high is not finite (a bucket where every cost was NaN) are left out.
 */
final class PlotColumns {
    private final int size;
    private final int[] column;
    private final double[] low;
    private final double[] high;
    private final double[] average;

    private PlotColumns(int size, int[] column, double[] low, double[] high, double[] average) {
        this.size = size;
        this.column = column;
        this.low = low;
        this.high = high;
        this.average = average;
    }

    /**
     * Merges the points of {@code curve} whose x coordinates, {@code left + width * x / xMax}, fall
     * in the same pixel column.
     *
     * @param left the x coordinate of iteration 0
     * @param width the width in pixels of iterations 0 to {@code xMax}
     * @param xMax the iteration at {@code left + width}, at least 1
     */
    static PlotColumns of(LearningCurve curve, double left, double width, long xMax) {
        int n = curve.points();
        int[] column = new int[n];
        double[] low = new double[n];
        double[] high = new double[n];
        double[] average = new double[n];
        int size = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double l = curve.low(i);
            double h = curve.high(i);
            if (!Double.isFinite(l) || !Double.isFinite(h)) {
                continue;
            }
            int c = (int) (left + width * curve.x(i) / xMax);
            if (size > 0 && column[size - 1] == c) {
                low[size - 1] = Math.min(low[size - 1], l);
                high[size - 1] = Math.max(high[size - 1], h);
                average[size - 1] += curve.average(i);
                count++;
            } else {
                if (size > 0) {
                    average[size - 1] /= count;
                }
                column[size] = c;
                low[size] = l;
                high[size] = h;
                average[size] = curve.average(i);
                count = 1;
                size++;
            }
        }
        if (size > 0) {
            average[size - 1] /= count;
        }
        return new PlotColumns(size, column, low, high, average);
    }

    /** How many columns have points. */
    int size() {
        return size;
    }

    /** The pixel column of column {@code i}. */
    int column(int i) {
        return column[i];
    }

    /** The lowest raw cost in column {@code i}. */
    double low(int i) {
        return low[i];
    }

    /** The highest raw cost in column {@code i}. */
    double high(int i) {
        return high[i];
    }

    /** The mean of the moving averages in column {@code i}. */
    double average(int i) {
        return average[i];
    }
}
