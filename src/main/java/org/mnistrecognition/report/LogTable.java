package org.mnistrecognition.report;

/**
 * A copy of a training log, iteration {@code first + i} at index {@code i}, to write out.
 *
 * @param first the iteration of the first row: 1, or later when a long run's log kept only its last rows
 * @param size the number of rows
 * @param sample the trained image's index in the training set; at least {@code size}
 * @param actual its label; at least {@code size}
 * @param guess the network's guess; at least {@code size}
 * @param cost the cost of that guess; at least {@code size}
 */
public record LogTable(long first, int size, int[] sample, byte[] actual, byte[] guess, float[] cost) {
    public LogTable {
        if (first < 1 || size < 0 || sample.length < size || actual.length < size || guess.length < size || cost.length < size) {
            throw new IllegalArgumentException("a log of " + size + " rows needs that many values in each column");
        }
    }
}
