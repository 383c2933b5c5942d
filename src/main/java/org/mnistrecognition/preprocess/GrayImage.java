package org.mnistrecognition.preprocess;

import java.util.Arrays;

/**
 * A grey-level picture: what a photo, a scan or the drawing canvas looks like once colour is gone.
 *
 * <p>The values are <em>luminance</em>, not ink: {@code 0} is black and {@code 1} is white, whatever the
 * picture shows. Which of the two is the ink is for {@link DigitPreprocessor} to find out, so chalk on a
 * blackboard and pen on paper both fit here unchanged.
 *
 * @param width the number of columns, at least 1
 * @param height the number of rows, at least 1
 * @param values {@code width * height} luminances in {@code [0,1]}, row-major: the pixel in column
 *     {@code x} and row {@code y} is {@code values[y * width + x]}; copied on the way in and on the way out
 */
public record GrayImage(int width, int height, double[] values) {

    public GrayImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("an image needs a positive width and height, got " + width + "x" + height);
        }
        if (values == null || (long) width * height != values.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + (long) width * height
                    + " values, got " + (values == null ? "none" : values.length));
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException("luminance must lie in [0,1], got " + values[i]
                        + " at (" + i % width + "," + i / width + ")");
            }
        }
    }

    /**
     * The canvas's picture: dark ink on white paper.
     *
     * @param ink {@code width * height} amounts of ink in {@code [0,1]}, row-major, {@code 1} = fully inked,
     *     {@code 0} = bare paper
     * @return the image whose luminance is {@code 1 - ink}
     */
    public static GrayImage fromInk(double[] ink, int width, int height) {
        double[] luminance = new double[ink.length];
        for (int i = 0; i < ink.length; i++) {
            luminance[i] = 1 - ink[i];
        }
        return new GrayImage(width, height, luminance);
    }

    /** A copy of the luminances, row-major, {@code width * height} of them. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The luminance at column {@code x}, row {@code y}. */
    public double at(int x, int y) {
        return values[y * width + x];
    }

    /** The luminances themselves, not copied: for this package's readers only, which must not write to them. */
    double[] pixels() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage g && g.width == width && g.height == height && Arrays.equals(g.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "x" + height + "]";
    }
}
