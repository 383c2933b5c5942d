package org.mnistrecognition.data;

/** Temporary stand-in until the data branch lands. */
public final class DataSet {
    private static final double[] SCALE = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            SCALE[i] = i / 255.0;
        }
    }

    private final String name;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final byte[] labels;

    public DataSet(String name, int rows, int cols, byte[] pixels, byte[] labels) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    public int label(int i) {
        return labels[i];
    }

    public byte[] pixels() {
        return pixels;
    }

    public void copyImage(int i, double[] dst) {
        int n = rows * cols;
        for (int p = 0; p < n; p++) {
            dst[p] = SCALE[pixels[i * n + p] & 0xff];
        }
    }

    public int copyNonZero(int i, int[] indices, double[] values) {
        int n = rows * cols;
        int k = 0;
        for (int p = 0; p < n; p++) {
            int v = pixels[i * n + p] & 0xff;
            if (v != 0) {
                indices[k] = p;
                values[k++] = SCALE[v];
            }
        }
        return k;
    }

    public DataSet slice(int from, int to, String name) {
        int n = rows * cols;
        return new DataSet(name, rows, cols, java.util.Arrays.copyOfRange(pixels, from * n, to * n), java.util.Arrays.copyOfRange(labels, from, to));
    }
}
