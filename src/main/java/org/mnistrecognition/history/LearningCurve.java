package org.mnistrecognition.history;

import java.util.Arrays;

/**
 * A run's learning curve as it trains, in bounded memory however long the run: the cost's moving
 * average and its raw spread (min and max) in at most {@link #MAX_POINTS} buckets, which double
 * in width whenever they fill up, and the validation accuracy at checkpoints. The app's chart
 * draws it; the app and the command line both keep it in the run history
 * ({@link #toCostCurve()}). Not thread-safe: one thread adds, or the adding thread hands it over.
 *
 * <p>Point {@code i} (0 to {@link #points()}) is the bucket ending at iteration {@link #x(int)}: the
 * moving average there, and the lowest and highest raw cost in the bucket.
 */
public final class LearningCurve {
    /** The most points a series holds. */
    public static final int MAX_POINTS = 2000;
    /** The moving average's window, in samples. */
    public static final int WINDOW = 500;
    /** Validation checkpoints a run asks its trainer for, so that its history has an accuracy curve. */
    public static final int CHECKPOINTS = 10;

    /** The samples between two of a run's {@link #CHECKPOINTS} validations, for a run of {@code totalIterations}. */
    public static long validationInterval(long totalIterations) {
        return Math.max(1, totalIterations / CHECKPOINTS);
    }

    private final long totalIterations;
    /** Samples trained before this curve began: 0, or where a resumed run had stopped. */
    private final long startAt;
    private long bucketWidth = 1;
    private int points;
    private final long[] x = new long[MAX_POINTS];
    private final double[] average = new double[MAX_POINTS];
    private final double[] low = new double[MAX_POINTS];
    private final double[] high = new double[MAX_POINTS];
    private long seen;
    private double movingAverage;
    private long inBucket;
    private double bucketLow = Double.POSITIVE_INFINITY;
    private double bucketHigh = Double.NEGATIVE_INFINITY;
    private int checkpoints;
    private long[] checkpointX = new long[16];
    private double[] accuracy = new double[16];

    /** A curve for a run of {@code totalIterations} samples (the chart's x range). */
    public LearningCurve(long totalIterations) {
        this(totalIterations, 0);
    }

    /** A curve for a run of {@code totalIterations} samples resumed after {@code startAt} of them. */
    public LearningCurve(long totalIterations, long startAt) {
        this.totalIterations = totalIterations;
        this.startAt = startAt;
        this.seen = startAt;
    }

    /** The samples the run is set to train (the chart's x range). */
    public long totalIterations() {
        return totalIterations;
    }

    /** Adds the next sample's cost (non-finite costs are left out). */
    public void add(double cost) {
        seen++;
        if (!Double.isFinite(cost)) {
            return;
        }
        double weight = Math.max(1.0 / (seen - startAt), 1.0 / WINDOW);
        movingAverage += weight * (cost - movingAverage);
        bucketLow = Math.min(bucketLow, cost);
        bucketHigh = Math.max(bucketHigh, cost);
        if (++inBucket >= bucketWidth) {
            x[points] = seen;
            average[points] = movingAverage;
            low[points] = bucketLow;
            high[points] = bucketHigh;
            points++;
            inBucket = 0;
            bucketLow = Double.POSITIVE_INFINITY;
            bucketHigh = Double.NEGATIVE_INFINITY;
            if (points == MAX_POINTS) {
                halve();
            }
        }
    }

    private void halve() {
        int n = points / 2;
        for (int i = 0; i < n; i++) {
            int a = 2 * i;
            int b = a + 1;
            x[i] = x[b];
            average[i] = average[b];
            low[i] = Math.min(low[a], low[b]);
            high[i] = Math.max(high[a], high[b]);
        }
        points = n;
        bucketWidth *= 2;
    }

    /** Records the validation accuracy measured after {@code iteration} samples. */
    public void checkpoint(long iteration, double validationAccuracy) {
        if (!Double.isFinite(validationAccuracy)) {
            return;
        }
        if (checkpoints == checkpointX.length) {
            checkpointX = Arrays.copyOf(checkpointX, checkpoints * 2);
            accuracy = Arrays.copyOf(accuracy, checkpoints * 2);
        }
        checkpointX[checkpoints] = iteration;
        accuracy[checkpoints] = validationAccuracy;
        checkpoints++;
    }

    /** The points to draw: the full buckets and the one still filling, if any. */
    public int points() {
        return inBucket > 0 ? points + 1 : points;
    }

    /** The iteration point {@code i} ends at. */
    public long x(int i) {
        return i == points ? seen : x[i];
    }

    /** The moving average at point {@code i}. */
    public double average(int i) {
        return i == points ? movingAverage : average[i];
    }

    /** The lowest raw cost in point {@code i}'s bucket (+infinity if every cost there was NaN). */
    public double low(int i) {
        return i == points ? bucketLow : low[i];
    }

    /** The highest raw cost in point {@code i}'s bucket (-infinity if every cost there was NaN). */
    public double high(int i) {
        return i == points ? bucketHigh : high[i];
    }

    /** The number of validation checkpoints. */
    public int checkpoints() {
        return checkpoints;
    }

    /** The iteration of checkpoint {@code i} (0 to {@link #checkpoints()}). */
    public long checkpointX(int i) {
        return checkpointX[i];
    }

    /** The validation accuracy (0 to 1) at checkpoint {@code i}. */
    public double accuracy(int i) {
        return accuracy[i];
    }

    /** The last iteration plotted, 0 when empty. */
    public long lastX() {
        int n = points();
        return n == 0 ? 0 : x(n - 1);
    }

    /**
     * The largest moving average once it has settled (after its first window; the first
     * samples' cost, often far higher, would flatten the rest of the curve), 0 when empty.
     */
    public double maxAverage() {
        int n = points();
        double m = 0;
        for (int i = 0; i < n; i++) {
            if (x(i) - startAt > WINDOW || lastX() - startAt <= WINDOW) {
                m = Math.max(m, average(i));
            }
        }
        return m;
    }

    /** The moving average and the checkpoints as a run's history keeps them: at most {@link CostCurve#MAX_POINTS} points. */
    public CostCurve toCostCurve() {
        int n = points();
        long[] xs = new long[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x(i);
            ys[i] = average(i);
        }
        return new CostCurve(xs, ys, Arrays.copyOf(checkpointX, checkpoints), Arrays.copyOf(accuracy, checkpoints))
                .decimate(CostCurve.MAX_POINTS);
    }
}
