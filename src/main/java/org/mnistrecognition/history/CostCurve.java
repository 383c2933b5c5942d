package org.mnistrecognition.history;

import java.util.Arrays;
import java.util.Objects;

/**
 * A run's learning curve as kept in its history: the cost's moving average at some iterations,
 * and the validation accuracy at checkpoints.
 *
 * @param iterations the iterations (samples trained) of the cost points, ascending; {@code n}
 * @param cost the cost's moving average at each of them; {@code n}
 * @param checkpoints the iterations at which validation accuracy was measured, ascending; {@code m}
 * @param accuracy the validation accuracy (0 to 1) at each checkpoint; {@code m}
 */
public record CostCurve(long[] iterations, double[] cost, long[] checkpoints, double[] accuracy) {
    /** The most cost points a run keeps in its history. */
    public static final int MAX_POINTS = 500;

    public CostCurve {
        iterations = Objects.requireNonNullElse(iterations, new long[0]).clone();
        cost = Objects.requireNonNullElse(cost, new double[0]).clone();
        checkpoints = Objects.requireNonNullElse(checkpoints, new long[0]).clone();
        accuracy = Objects.requireNonNullElse(accuracy, new double[0]).clone();
        if (iterations.length != cost.length) {
            throw new IllegalArgumentException("the curve has " + iterations.length + " iterations but " + cost.length
                    + " costs");
        }
        if (checkpoints.length != accuracy.length) {
            throw new IllegalArgumentException("the curve has " + checkpoints.length + " checkpoints but " + accuracy.length
                    + " accuracies");
        }
    }

    /** No points. */
    public static CostCurve empty() {
        return new CostCurve(new long[0], new double[0], new long[0], new double[0]);
    }

    /** The number of cost points. */
    public int size() {
        return iterations.length;
    }

    /**
     * At most {@code max} cost points, evenly picked, the first and the last always kept; the
     * checkpoints are kept as they are.
     */
    public CostCurve decimate(int max) {
        int n = iterations.length;
        if (max < 2) {
            throw new IllegalArgumentException("keep at least 2 points, not " + max);
        }
        if (n <= max) {
            return this;
        }
        long[] x = new long[max];
        double[] y = new double[max];
        for (int k = 0; k < max; k++) {
            int i = (int) Math.round((double) k * (n - 1) / (max - 1));
            x[k] = iterations[i];
            y[k] = cost[i];
        }
        return new CostCurve(x, y, checkpoints, accuracy);
    }

    /**
     * This curve, then the points and checkpoints of {@code later} that come after its own (a
     * resumed run's curve after the curve of its part before the stop), at most
     * {@link #MAX_POINTS} cost points.
     */
    public CostCurve followedBy(CostCurve later) {
        long lastCost = iterations.length == 0 ? Long.MIN_VALUE : iterations[iterations.length - 1];
        long lastCheckpoint = checkpoints.length == 0 ? Long.MIN_VALUE : checkpoints[checkpoints.length - 1];
        int from = 0;
        while (from < later.iterations.length && later.iterations[from] <= lastCost) {
            from++;
        }
        int checkFrom = 0;
        while (checkFrom < later.checkpoints.length && later.checkpoints[checkFrom] <= lastCheckpoint) {
            checkFrom++;
        }
        return new CostCurve(concat(iterations, later.iterations, from), concat(cost, later.cost, from),
                concat(checkpoints, later.checkpoints, checkFrom), concat(accuracy, later.accuracy, checkFrom))
                .decimate(MAX_POINTS);
    }

    private static long[] concat(long[] a, long[] b, int bFrom) {
        long[] c = Arrays.copyOf(a, a.length + b.length - bFrom);
        System.arraycopy(b, bFrom, c, a.length, b.length - bFrom);
        return c;
    }

    private static double[] concat(double[] a, double[] b, int bFrom) {
        double[] c = Arrays.copyOf(a, a.length + b.length - bFrom);
        System.arraycopy(b, bFrom, c, a.length, b.length - bFrom);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostCurve c && Arrays.equals(iterations, c.iterations) && Arrays.equals(cost, c.cost)
                && Arrays.equals(checkpoints, c.checkpoints) && Arrays.equals(accuracy, c.accuracy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(iterations), Arrays.hashCode(cost), Arrays.hashCode(checkpoints),
                Arrays.hashCode(accuracy));
    }

    @Override
    public String toString() {
        return "CostCurve[" + iterations.length + " points, " + checkpoints.length + " checkpoints]";
    }
}
