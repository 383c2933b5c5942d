package org.mnistrecognition.training;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a network made of each image of a labelled set: its likeliest classes, most likely first,
 * with their probabilities (see {@link org.mnistrecognition.network.Prediction} for how outputs
 * become probabilities). Immutable.
 */
public final class ImageResults {
    /** How many of the likeliest classes are kept per image (fewer if the network has fewer). */
    public static final int TOP = 3;

    private final int classes;
    private final int ranks;
    /** labels[i]: the true class of image {@code i}; {@code size}. */
    private final byte[] labels;
    /** top[i * ranks + k]: the {@code k}-th likeliest class of image {@code i}; {@code size × ranks}. */
    private final byte[] top;
    /** probability[i * ranks + k]: the probability of {@code top[i * ranks + k]}; {@code size × ranks}. */
    private final float[] probability;

    /**
     * Results over the given arrays, which it takes over without copying.
     *
     * @param classes the number of classes the network tells apart
     * @param labels the true class of each image, {@code size}
     * @param top the likeliest classes of each image, {@code size × min(TOP, classes)}, most likely first
     * @param probability their probabilities, same shape
     */
    public ImageResults(int classes, byte[] labels, byte[] top, float[] probability) {
        if (classes < 1 || classes > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("classes must be 1 to 127, got " + classes);
        }
        this.classes = classes;
        this.ranks = ranks(classes);
        this.labels = Objects.requireNonNull(labels, "labels");
        this.top = Objects.requireNonNull(top, "top");
        this.probability = Objects.requireNonNull(probability, "probability");
        if (top.length != labels.length * ranks || probability.length != top.length) {
            throw new IllegalArgumentException(labels.length + " images need " + labels.length * ranks
                    + " ranked classes and probabilities, got " + top.length + " and " + probability.length);
        }
    }

    /** How many classes are ranked per image for a network of {@code classes} outputs. */
    static int ranks(int classes) {
        return Math.min(TOP, classes);
    }

    public int classes() {
        return classes;
    }

    /** How many likeliest classes each image has: {@link #TOP}, or fewer for a network of fewer classes. */
    public int ranks() {
        return ranks;
    }

    /** The number of images. */
    public int size() {
        return labels.length;
    }

    /** The true class of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** The network's guess for image {@code i}: its likeliest class. */
    public int guess(int i) {
        return top[i * ranks];
    }

    /** The probability of the guess for image {@code i}. */
    public double confidence(int i) {
        return probability[i * ranks];
    }

    /** The {@code k}-th likeliest class of image {@code i} ({@code 0 ≤ k < ranks()}). */
    public int top(int i, int k) {
        return top[i * ranks + Objects.checkIndex(k, ranks)];
    }

    /** The probability of {@link #top(int, int)}. */
    public double probability(int i, int k) {
        return probability[i * ranks + Objects.checkIndex(k, ranks)];
    }

    /** Whether image {@code i} was guessed right. */
    public boolean right(int i) {
        return top[i * ranks] == labels[i];
    }

    /** The confusion matrix of these results. */
    public Evaluation evaluation() {
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i]][guess(i)]++;
        }
        return new Evaluation(confusion);
    }

    /** The images of true class {@code actual} guessed {@code guess}, the most confident guess first. */
    public int[] cell(int actual, int guess) {
        Objects.checkIndex(actual, classes);
        Objects.checkIndex(guess, classes);
        int n = 0;
        int[] found = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == actual && guess(i) == guess) {
                found[n++] = i;
            }
        }
        return byConfidence(Arrays.copyOf(found, n));
    }

    /** The images guessed wrong, the most confident guess first. */
    public int[] mistakes() {
        int n = 0;
        int[] found = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (!right(i)) {
                found[n++] = i;
            }
        }
        return byConfidence(Arrays.copyOf(found, n));
    }

    /** Sorts image indices by the confidence of their guess, highest first; ties by index. */
    private int[] byConfidence(int[] indices) {
        long[] keys = new long[indices.length];
        for (int k = 0; k < indices.length; k++) {
            // non-negative floats' bits sort as the floats do; inverted for descending (NaN counts as 0)
            float p = probability[indices[k] * ranks];
            int bits = Float.floatToIntBits(p > 0 ? p : 0f);
            keys[k] = ((long) (Integer.MAX_VALUE - bits) << 32) | indices[k];
        }
        Arrays.sort(keys);
        for (int k = 0; k < keys.length; k++) {
            indices[k] = (int) keys[k];
        }
        return indices;
    }
}
