package org.mnistrecognition.app.training;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import org.mnistrecognition.report.LogTable;

/**
 * The iterations of one run in primitive arrays (ten bytes a row), seen by a table through two
 * lightweight lists: all rows, and the mistakes only. Rows are made on demand, only for the cells
 * on screen. Appended to in batches on the FX thread.
 *
 * <p>However long the run, the log keeps only its last {@value #MAX_ROWS} rows: older ones are
 * dropped (and the lists told) as new ones arrive, so its memory stays bounded; {@link #total()}
 * still counts every iteration, for the note saying how many are shown.
 */
final class IterationLog {
    /** The most rows kept: a million-iteration run keeps its last 100,000 (about 1.4 MB). */
    static final int MAX_ROWS = 100_000;

    private final int maxRows;
    /** The iteration the run started after: 0, or where a resumed run had stopped. */
    private final long startAt;
    /** The iteration of the first row kept, less one: row {@code i} is iteration {@code offset + i + 1}. */
    private long offset;
    private int size;
    private int[] sample = new int[1024];
    private byte[] actual = new byte[1024];
    private byte[] guess = new byte[1024];
    private float[] cost = new float[1024];
    /** The rows kept whose guess was wrong, as row indices, ascending. */
    private int mistakeCount;
    private int[] mistakes = new int[256];
    /** Every wrong guess of the run, shown or dropped. */
    private long allMistakes;
    private final Rows all = new Rows(false);
    private final Rows wrong = new Rows(true);

    /** A log of a run whose first iteration is {@code startAt + 1} (0 for a new run), keeping {@value #MAX_ROWS} rows. */
    IterationLog(long startAt) {
        this(startAt, MAX_ROWS);
    }

    /** A log keeping at most {@code maxRows} rows (tests). */
    IterationLog(long startAt, int maxRows) {
        this.startAt = startAt;
        this.offset = startAt;
        this.maxRows = maxRows;
    }

    /** Appends a batch of samples (the next iterations), dropping the oldest rows beyond the cap, and tells the lists. */
    void append(int[] samples, byte[] actuals, byte[] guesses, float[] costs, int from, int to) {
        if (to <= from) {
            return;
        }
        // the rows dropped and the rows added reach each list's listeners as ONE change
        all.openChange();
        wrong.openChange();
        try {
            appendRows(samples, actuals, guesses, costs, from, to);
        } finally {
            wrong.closeChange();
            all.closeChange();
        }
    }

    private void appendRows(int[] samples, byte[] actuals, byte[] guesses, float[] costs, int from, int to) {
        int n = to - from;
        if (n > maxRows) {
            // a batch longer than the log: every row kept goes, and so do the batch's first ones
            if (size > 0) {
                drop(size);
            }
            for (int i = from; i < to - maxRows; i++) {
                allMistakes += actuals[i] != guesses[i] ? 1 : 0;
            }
            offset += n - maxRows;
            from = to - maxRows;
            n = maxRows;
        }
        if (size + n > maxRows) {
            drop(size + n - maxRows);
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
                allMistakes++;
            }
        }
        size += n;
        all.added(start, size);
        wrong.added(mistakesBefore, mistakeCount);
    }

    /** Drops the {@code k} oldest rows and tells the lists, which are handed copies of what they held. */
    private void drop(int k) {
        List<LogRow> rowsGone = new Copies(offset, Arrays.copyOf(sample, k), Arrays.copyOf(actual, k), Arrays.copyOf(guess, k),
                Arrays.copyOf(cost, k), null);
        int gone = 0;
        while (gone < mistakeCount && mistakes[gone] < k) {
            gone++;
        }
        List<LogRow> mistakesGone = new Copies(offset, rowsGone, Arrays.copyOf(mistakes, gone));
        int keep = size - k;
        System.arraycopy(sample, k, sample, 0, keep);
        System.arraycopy(actual, k, actual, 0, keep);
        System.arraycopy(guess, k, guess, 0, keep);
        System.arraycopy(cost, k, cost, 0, keep);
        for (int i = gone; i < mistakeCount; i++) {
            mistakes[i - gone] = mistakes[i] - k;
        }
        mistakeCount -= gone;
        size = keep;
        offset += k;
        all.removed(rowsGone);
        wrong.removed(mistakesGone);
    }

    private void ensure(int capacity) {
        if (capacity > sample.length) {
            int c = Math.min(Math.max(capacity, sample.length * 2), Math.max(capacity, maxRows));
            sample = Arrays.copyOf(sample, c);
            actual = Arrays.copyOf(actual, c);
            guess = Arrays.copyOf(guess, c);
            cost = Arrays.copyOf(cost, c);
        }
    }

    /** The rows kept. */
    int size() {
        return size;
    }

    /** The wrong guesses among the rows kept. */
    int mistakeCount() {
        return mistakeCount;
    }

    /** Every iteration logged, the dropped ones included. */
    long total() {
        return offset + size;
    }

    /** Every wrong guess logged, the dropped ones included. */
    long allMistakes() {
        return allMistakes;
    }

    /** The iteration the run started after: 0, or where a resumed run had stopped. */
    long startAt() {
        return startAt;
    }

    /** Whether old rows were dropped. */
    boolean capped() {
        return offset > startAt;
    }

    /** The row of the {@code index}-th kept iteration. */
    LogRow row(int index) {
        return new LogRow(offset + index + 1, sample[index], actual[index], guess[index], cost[index]);
    }

    /** A copy of every row kept, to write out on another thread. */
    LogTable copy() {
        return new LogTable(offset + 1, size, Arrays.copyOf(sample, size), Arrays.copyOf(actual, size),
                Arrays.copyOf(guess, size), Arrays.copyOf(cost, size));
    }

    /** All rows kept, in order. */
    ObservableList<LogRow> rows() {
        return all;
    }

    /** The rows kept whose guess was wrong, in order. */
    ObservableList<LogRow> mistakes() {
        return wrong;
    }

    /** Rows that were dropped, made on demand from copies of their values (for the lists' removal events). */
    private static final class Copies extends AbstractList<LogRow> {
        private final long offset;
        private final int[] sample;
        private final byte[] actual;
        private final byte[] guess;
        private final float[] cost;
        private final List<LogRow> source;
        private final int[] picks;

        Copies(long offset, int[] sample, byte[] actual, byte[] guess, float[] cost, int[] picks) {
            this.offset = offset;
            this.sample = sample;
            this.actual = actual;
            this.guess = guess;
            this.cost = cost;
            this.source = null;
            this.picks = picks;
        }

        /** The rows {@code picks} of {@code source}. */
        Copies(long offset, List<LogRow> source, int[] picks) {
            this.offset = offset;
            this.sample = null;
            this.actual = null;
            this.guess = null;
            this.cost = null;
            this.source = source;
            this.picks = picks;
        }

        @Override
        public LogRow get(int index) {
            if (source != null) {
                return source.get(picks[index]);
            }
            return new LogRow(offset + index + 1, sample[index], actual[index], guess[index], cost[index]);
        }

        @Override
        public int size() {
            return source != null ? picks.length : sample.length;
        }
    }

    /** A read-only list view of the log, told when rows are added at the end or dropped at the start. */
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

        /** Starts a change that the adds and removes until {@link #closeChange} make together. */
        void openChange() {
            beginChange();
        }

        void closeChange() {
            endChange();
        }

        void added(int from, int to) {
            if (to > from) {
                beginChange();
                nextAdd(from, to);
                endChange();
            }
        }

        void removed(List<LogRow> gone) {
            if (!gone.isEmpty()) {
                beginChange();
                nextRemove(0, gone);
                endChange();
            }
        }
    }
}
