package org.mnistrecognition.app.drawing;

import java.util.Arrays;
import org.mnistrecognition.preprocess.GrayImage;

/**
 * The ink on the drawing canvas, one value per canvas pixel: {@code 0} bare paper, {@code 1} full ink.
 *
 * <p>Pen strokes are laid down as anti-aliased capsules (a segment with round ends): a pixel whose centre lies
 * at distance {@code d} from the segment gets coverage {@code clamp(r + 1/2 - d, 0, 1)}, and the ink becomes
 * the larger of what was there and the coverage, so overlapping pieces of one stroke never darken each other
 * and the edge stays one pixel soft however the stroke was cut up. The eraser lowers the ink to at most
 * {@code 1 - coverage}. Neither allocates.
 */
final class InkRaster {
    private final int width;
    private final int height;
    /** Row-major: the pixel in column {@code x} and row {@code y} is {@code ink[y * width + x]}. */
    private final double[] ink;

    InkRaster(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a raster needs a positive size, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.ink = new double[width * height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The ink at pixel {@code i}, row-major. */
    double at(int i) {
        return ink[i];
    }

    /** Whether no pixel holds any ink. */
    boolean isBlank() {
        for (double v : ink) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    /** Back to bare paper. */
    void clear() {
        Arrays.fill(ink, 0);
    }

    /** Copies {@code other}'s ink, which must have this raster's size. */
    void copyFrom(InkRaster other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("rasters differ in size: " + other.width + "x" + other.height
                    + " vs " + width + "x" + height);
        }
        System.arraycopy(other.ink, 0, ink, 0, ink.length);
    }

    /** The canvas as the preprocessing reads it: dark ink on white paper. */
    GrayImage toImage() {
        return GrayImage.fromInk(ink, width, height);
    }

    /**
     * Lays a capsule of radius {@code radius} from {@code (x0, y0)} to {@code (x1, y1)} in canvas coordinates
     * (pixel {@code (x, y)} covers {@code [x, x+1) x [y, y+1)}): ink, or with {@code erase}, its removal. Equal
     * end points make a round dot. Parts outside the raster are dropped.
     */
    void capsule(double x0, double y0, double x1, double y1, double radius, boolean erase) {
        double reach = radius + 0.5;
        int left = Math.max(0, (int) Math.floor(Math.min(x0, x1) - reach));
        int right = Math.min(width - 1, (int) Math.ceil(Math.max(x0, x1) + reach));
        int top = Math.max(0, (int) Math.floor(Math.min(y0, y1) - reach));
        int bottom = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + reach));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length2 = dx * dx + dy * dy;
        for (int y = top; y <= bottom; y++) {
            double py = y + 0.5 - y0;
            int row = y * width;
            for (int x = left; x <= right; x++) {
                double px = x + 0.5 - x0;
                double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
                double ex = px - t * dx;
                double ey = py - t * dy;
                double coverage = reach - Math.sqrt(ex * ex + ey * ey);
                if (coverage <= 0) {
                    continue;
                }
                coverage = Math.min(1, coverage);
                int i = row + x;
                ink[i] = erase ? Math.min(ink[i], 1 - coverage) : Math.max(ink[i], coverage);
            }
        }
    }

    /**
     * Fills the raster with a small square picture scaled up smoothly (Catmull-Rom bicubic, pixel centres
     * aligned) to the raster's size: a 28x28 MNIST digit becomes a canvas drawing.
     *
     * @param picture {@code side * side} ink values in {@code [0,1]}, row-major
     */
    void fillScaled(double[] picture, int side) {
        if (picture.length != side * side) {
            throw new IllegalArgumentException("a " + side + "x" + side + " picture needs " + side * side
                    + " values, got " + picture.length);
        }
        double[] rows = new double[side * width];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < width; x++) {
                rows[y * width + x] = cubic(picture, y * side, 1, side, (x + 0.5) * side / width - 0.5);
            }
        }
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                double v = cubic(rows, x, width, side, (y + 0.5) * side / height - 0.5);
                ink[y * width + x] = Math.max(0, Math.min(1, v));
            }
        }
    }

    /**
     * The Catmull-Rom interpolation at position {@code at} of the {@code n} samples {@code values[off + k * step]},
     * edges clamped.
     */
    private static double cubic(double[] values, int off, int step, int n, double at) {
        int k = (int) Math.floor(at);
        double t = at - k;
        double p0 = values[off + Math.max(0, Math.min(n - 1, k - 1)) * step];
        double p1 = values[off + Math.max(0, Math.min(n - 1, k)) * step];
        double p2 = values[off + Math.max(0, Math.min(n - 1, k + 1)) * step];
        double p3 = values[off + Math.max(0, Math.min(n - 1, k + 2)) * step];
        return p1 + 0.5 * t * (p2 - p0 + t * (2 * p0 - 5 * p1 + 4 * p2 - p3 + t * (3 * (p1 - p2) + p3 - p0)));
    }
}
