package org.mnistrecognition.app.drawing;

/**
 * What a drawing starts over from: blank paper (Clear) or an MNIST test digit scaled up to the canvas
 * (Random test digit).
 *
 * @param picture the {@code side * side} ink values of the digit, row-major; null for blank paper
 * @param side the picture's side in pixels; 0 for blank paper
 * @param label the digit's true label 0-9; {@link #NO_LABEL} for blank paper
 */
record Sheet(double[] picture, int side, int label) implements Edit {
    /** The label of blank paper. */
    static final int NO_LABEL = -1;
    /** Blank paper. */
    static final Sheet BLANK = new Sheet(null, 0, NO_LABEL);

    Sheet {
        if (picture != null && (side <= 0 || picture.length != side * side || label < 0 || label > 9)) {
            throw new IllegalArgumentException("a test digit needs side*side values and a label 0-9, got "
                    + picture.length + " values, side " + side + ", label " + label);
        }
        picture = picture == null ? null : picture.clone();
    }

    boolean isBlank() {
        return picture == null;
    }

    /** Puts this sheet on {@code raster}, replacing all of its ink. */
    void lay(InkRaster raster) {
        if (picture == null) {
            raster.clear();
        } else {
            raster.fillScaled(picture, side);
        }
    }
}
