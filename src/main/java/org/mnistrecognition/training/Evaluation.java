package org.mnistrecognition.training;

/**
 * How a network does on a labelled set.
 *
 * @param confusion {@code confusion[actual][guess]}: how many images of each true class got each guess;
 *        {@code classes × classes}
 */
public record Evaluation(int[][] confusion) {

    public int classes() {
        return confusion.length;
    }

    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    public int correct() {
        int n = 0;
        for (int c = 0; c < confusion.length; c++) {
            n += confusion[c][c];
        }
        return n;
    }

    /** Correct guesses over all images; NaN for an empty set. */
    public double accuracy() {
        int total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    /** How many images are of class {@code c}. */
    public int actual(int c) {
        int n = 0;
        for (int v : confusion[c]) {
            n += v;
        }
        return n;
    }

    /** How many images were guessed {@code c}. */
    public int guessed(int c) {
        int n = 0;
        for (int[] row : confusion) {
            n += row[c];
        }
        return n;
    }

    /** Of the images guessed {@code c}, the share that are {@code c}; NaN if none was guessed {@code c}. */
    public double precision(int c) {
        int guessed = guessed(c);
        return guessed == 0 ? Double.NaN : (double) confusion[c][c] / guessed;
    }

    /** Of the images that are {@code c}, the share guessed {@code c}; NaN if there are none. */
    public double recall(int c) {
        int actual = actual(c);
        return actual == 0 ? Double.NaN : (double) confusion[c][c] / actual;
    }

    /** The harmonic mean of {@link #precision} and {@link #recall}; NaN if either is, 0 if both are 0. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return Double.isNaN(p) || Double.isNaN(r) ? Double.NaN : p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The CLI's contract line: {@code test accuracy: 0.9270 (9270/10000)}. */
    public String accuracyLine(String what) {
        return String.format(java.util.Locale.ROOT, "%s accuracy: %.4f (%d/%d)", what, accuracy(), correct(), total());
    }
}
