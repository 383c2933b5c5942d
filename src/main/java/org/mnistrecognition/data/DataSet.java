package org.mnistrecognition.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A labelled set of grey-scale images, held compactly as unsigned bytes (one byte per pixel):
 * the whole of MNIST takes 55 MB rather than the 440 MB it would as doubles. Immutable by
 * convention: the backing arrays are shared, never copied, and must not be modified.
 */
public final class DataSet {
    /** SCALE[v] = v / 255.0: a pixel byte's value in [0, 1]. */
    private static final double[] SCALE = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALE[v] = v / 255.0;
        }
    }

    private final String name;
    private final int rows;
    private final int cols;
    /** The pixels, {@code size × rows × cols}: image after image, each row-major; unsigned 0-255. */
    private final byte[] pixels;
    /** The labels, {@code size}: digit 0-9 of each image. */
    private final byte[] labels;

    /**
     * A data set over the given arrays, which it takes over without copying.
     *
     * @param name what to call it in messages, e.g. {@code "training"}
     * @param rows the height of every image, positive
     * @param cols the width of every image, positive
     * @param pixels {@code size × rows × cols} unsigned bytes, row-major image after image
     * @param labels {@code size} labels, each 0-9
     * @throws IllegalArgumentException if the sizes disagree or a label is outside 0-9
     */
    public DataSet(String name, int rows, int cols, byte[] pixels, byte[] labels) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(name + ": image size must be positive, got " + rows + "x" + cols);
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels need " + (long) labels.length * rows * cols
                    + " pixels of " + rows + "x" + cols + " images, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i + " is outside 0-9");
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
    }

    /** A data set with no images of {@code rows × cols}. */
    public static DataSet empty(String name, int rows, int cols) {
        return new DataSet(name, rows, cols, new byte[0], new byte[0]);
    }

    public String name() {
        return name;
    }

    /** The number of images. */
    public int size() {
        return labels.length;
    }

    public boolean isEmpty() {
        return labels.length == 0;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** {@code rows × cols}: the length of one image, and of the network's input. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** The label 0-9 of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** The backing pixel array, {@code size × rows × cols} unsigned bytes; do not modify. */
    public byte[] pixels() {
        return pixels;
    }

    /** The backing label array, {@code size} values 0-9; do not modify. */
    public byte[] labels() {
        return labels;
    }

    /** Pixel {@code index} (row-major, {@code 0 ≤ index < rows × cols}) of image {@code image}, 0-255. */
    public int pixel(int image, int index) {
        Objects.checkIndex(index, pixelsPerImage());
        return pixels[image * pixelsPerImage() + index] & 0xFF;
    }

    /**
     * Copies image {@code i} scaled into [0, 1].
     *
     * @param dst receives the {@code rows × cols} pixels, row-major, at its start
     */
    public void copyImage(int i, double[] dst) {
        int n = pixelsPerImage();
        checkDst(dst.length, n);
        int base = Objects.checkIndex(i, size()) * n;
        for (int k = 0; k < n; k++) {
            dst[k] = SCALE[pixels[base + k] & 0xFF];
        }
    }

    /**
     * Copies the non-zero pixels of image {@code i}: the sparse input of the trainer.
     *
     * @param indices receives the row-major positions of the non-zero pixels, ascending
     * @param values receives their values scaled into [0, 1], same order
     * @return how many were written (the rest of both arrays is left as it was)
     */
    public int copyNonZero(int i, int[] indices, double[] values) {
        return copyNonZero(i, 0, 0, indices, values);
    }

    /**
     * Copies the non-zero pixels of image {@code i} moved by {@code dx} columns and {@code dy} rows
     * (the training's shift augmentation); pixels moved past an edge are dropped.
     *
     * @param indices receives the row-major positions of the moved non-zero pixels, ascending
     * @param values receives their values scaled into [0, 1], same order
     * @return how many were written (the rest of both arrays is left as it was)
     */
    public int copyNonZero(int i, int dx, int dy, int[] indices, double[] values) {
        checkDst(values.length, pixelsPerImage());
        int count = nonZeroPositions(i, dx, dy, indices);
        int from = i * pixelsPerImage() - dy * cols - dx;
        for (int k = 0; k < count; k++) {
            values[k] = SCALE[pixels[from + indices[k]] & 0xFF];
        }
        return count;
    }

    /**
     * {@link #copyNonZero(int, int, int, int[], double[])} with the values as floats (each the
     * double value rounded), for single-precision training.
     */
    public int copyNonZero(int i, int dx, int dy, int[] indices, float[] values) {
        checkDst(values.length, pixelsPerImage());
        int count = nonZeroPositions(i, dx, dy, indices);
        int from = i * pixelsPerImage() - dy * cols - dx;
        for (int k = 0; k < count; k++) {
            values[k] = (float) SCALE[pixels[from + indices[k]] & 0xFF];
        }
        return count;
    }

    /** Writes the moved positions of image {@code i}'s non-zero pixels into {@code indices}, ascending; returns how many. */
    private int nonZeroPositions(int i, int dx, int dy, int[] indices) {
        int n = pixelsPerImage();
        checkDst(indices.length, n);
        int base = Objects.checkIndex(i, size()) * n;
        int count = 0;
        for (int r = Math.max(0, -dy); r < Math.min(rows, rows - dy); r++) {
            int src = base + r * cols;
            int dst = (r + dy) * cols + dx;
            for (int c = Math.max(0, -dx); c < Math.min(cols, cols - dx); c++) {
                if (pixels[src + c] != 0) {
                    indices[count++] = dst + c;
                }
            }
        }
        return count;
    }

    /** A copy of images {@code [from, to)} with their labels, called {@code name}. */
    public DataSet slice(int from, int to, String name) {
        Objects.checkFromToIndex(from, to, size());
        int n = pixelsPerImage();
        return new DataSet(name, rows, cols,
                Arrays.copyOfRange(pixels, from * n, to * n), Arrays.copyOfRange(labels, from, to));
    }

    private void checkDst(int length, int n) {
        if (length < n) {
            throw new IllegalArgumentException("buffer holds " + length + " values, an image has " + n);
        }
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images of " + rows + "x" + cols + ")";
    }
}
