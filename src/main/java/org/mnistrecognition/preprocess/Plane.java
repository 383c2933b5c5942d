package org.mnistrecognition.preprocess;

/**
 * A working picture of ink inside the preprocessor: {@code 0} is background, {@code 1} is full ink.
 *
 * @param width the number of columns, at least 1
 * @param height the number of rows, at least 1
 * @param ink {@code width * height} amounts of ink, row-major ({@code ink[y * width + x]}), shared, not copied
 */
record Plane(int width, int height, double[] ink) {

    Plane {
        if (width <= 0 || height <= 0 || ink.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " plane cannot hold " + ink.length + " values");
        }
    }

    /**
     * The smallest box holding every pixel whose ink exceeds {@code threshold}, or {@code null} when there
     * is none.
     */
    Box bounds(double threshold) {
        int left = width, right = -1, top = height, bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (ink[y * width + x] > threshold) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return right < 0 ? null : new Box(left, top, right - left + 1, bottom - top + 1);
    }

    /** The part of this plane inside {@code box}. */
    Plane crop(Box box) {
        double[] out = new double[box.width() * box.height()];
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(ink, (box.top() + y) * width + box.left(), out, y * box.width(), box.width());
        }
        return new Plane(box.width(), box.height(), out);
    }

    /** This plane with {@code margin} pixels of background added on every side. */
    Plane pad(int margin) {
        int w = width + 2 * margin;
        double[] out = new double[w * (height + 2 * margin)];
        for (int y = 0; y < height; y++) {
            System.arraycopy(ink, y * width, out, (y + margin) * w + margin, width);
        }
        return new Plane(w, height + 2 * margin, out);
    }

    /** This plane resampled to {@code w x h}, axis by axis; see {@link Resampler}. */
    Plane resize(int w, int h) {
        double[] rows = Resampler.of(width, w).alongRows(ink, height);
        return new Plane(w, h, Resampler.of(height, h).alongColumns(rows, w));
    }

    /** The largest amount of ink. */
    double max() {
        double max = 0;
        for (double v : ink) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * A box of pixels.
     *
     * @param left the first column
     * @param top the first row
     * @param width the number of columns
     * @param height the number of rows
     */
    record Box(int left, int top, int width, int height) {
    }
}
