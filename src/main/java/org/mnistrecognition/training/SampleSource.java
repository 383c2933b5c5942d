package org.mnistrecognition.training;

import org.mnistrecognition.data.DataSet;

/** Reads training images as sparse inputs, optionally shifted (the augmentation). */
final class SampleSource {
    private static final double[] SCALE = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            SCALE[i] = i / 255.0;
        }
    }

    private final DataSet data;
    private final byte[] pixels;
    private final int rows;
    private final int cols;

    SampleSource(DataSet data) {
        this.data = data;
        this.pixels = data.pixels();
        this.rows = data.rows();
        this.cols = data.cols();
    }

    DataSet data() {
        return data;
    }

    /**
     * Writes image {@code sample}'s non-zero pixels, moved by {@code (dx, dy)} (pixels pushed past
     * the edge are dropped), as positions in {@code indices} and values in [0, 1] in {@code values}.
     *
     * @return how many were written
     */
    int fetch(int sample, int dx, int dy, int[] indices, double[] values) {
        int base = sample * rows * cols;
        int k = 0;
        int rFrom = Math.max(0, -dy);
        int rTo = Math.min(rows, rows - dy);
        int cFrom = Math.max(0, -dx);
        int cTo = Math.min(cols, cols - dx);
        for (int r = rFrom; r < rTo; r++) {
            int src = base + r * cols;
            int dst = (r + dy) * cols + dx;
            for (int c = cFrom; c < cTo; c++) {
                int v = pixels[src + c] & 0xff;
                if (v != 0) {
                    indices[k] = dst + c;
                    values[k++] = SCALE[v];
                }
            }
        }
        return k;
    }
}
