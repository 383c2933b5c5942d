package org.mnistrecognition.app.training;

import java.util.Arrays;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import org.mnistrecognition.report.LogTable;

/**
 * Every iteration of one run in growing primitive arrays (ten bytes a row), seen by a table
 * through two lightweight lists: all rows, and the mistakes only. Rows are made on demand, only
 * for the cells on screen. Appended to in batches on the FX thread.
 */
final class IterationLog {
    private int size;
    private int[] sample = new int[1024];
    private byte[] actual = new byte[1024];
    private byte[] guess = new byte[1024];
    private float[] cost = new float[1024];
    private int mistakeCount;
    private int[] mistakes = new int[256];
    private final Rows all = new Rows(false);
    private final Rows wrong = new Rows(true);

    /** Appends a batch of samples (the next iterations) and tells the lists. */
    void append(int[] samples, byte[] actuals, byte[] guesses, float[] costs, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        int start = size;
        int mistakesBefore = mistakeCount;
        ensure(size + n);
        System.arraycopy(samples, from, sample, size, n);
        System.arraycopy(actuals, from, actual, size, n);
        System.arraycopy(guesses, from, guess, size, n);
        System.arraycopy(costs, from, cost, size, n);
        for (int i = 0; i < n; i++) {
            if (actuals[from + i] != guesses[from + i]) {
                if (mistakeCount == mistakes.length) {
                    mistakes = Arrays.copyOf(mistakes, mistakes.length * 2);
                }
                mistakes[mistakeCount++] = start + i;
            }
        }
        size += n;
        all.added(start, size);
        wrong.added(mistakesBefore, mistakeCount);
    }

    private void ensure(int capacity) {
        if (capacity > sample.length) {
            int c = Math.max(capacity, sample.length * 2);
            sample = Arrays.copyOf(sample, c);
            actual = Arrays.copyOf(actual, c);
            guess = Arrays.copyOf(guess, c);
            cost = Arrays.copyOf(cost, c);
        }
    }

    int size() {
        return size;
    }

    int mistakeCount() {
        return mistakeCount;
    }

    /** The row of iteration {@code index + 1}. */
    LogRow row(int index) {
        return new LogRow(index + 1L, sample[index], actual[index], guess[index], cost[index]);
    }

    /** A copy of every row, to write out on another thread. */
    LogTable copy() {
        return new LogTable(size, Arrays.copyOf(sample, size), Arrays.copyOf(actual, size), Arrays.copyOf(guess, size),
                Arrays.copyOf(cost, size));
    }

    /** All rows, in order. */
    ObservableList<LogRow> rows() {
        return all;
    }

    /** The rows whose guess was wrong, in order. */
    ObservableList<LogRow> mistakes() {
        return wrong;
    }

    /** A read-only list view of the log that only ever grows. */
    private final class Rows extends ObservableListBase<LogRow> {
        private final boolean mistakesOnly;

        Rows(boolean mistakesOnly) {
            this.mistakesOnly = mistakesOnly;
        }

        @Override
        public LogRow get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException(index);
            }
            return row(mistakesOnly ? mistakes[index] : index);
        }

        @Override
        public int size() {
            return mistakesOnly ? mistakeCount : IterationLog.this.size;
        }

        void added(int from, int to) {
            if (to > from) {
                beginChange();
                nextAdd(from, to);
                endChange();
            }
        }
    }
}
