package org.mnistrecognition.app.evaluate;

import java.util.Objects;
import org.mnistrecognition.app.DrawingBoard;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.training.ImageResults;

/**
 * What a gallery shows: some images of a set, in a chosen order, each with its true label and
 * what a model made of it.
 *
 * @param images the set the images come from
 * @param results what the model made of every image of {@code images} (same indices)
 * @param order the images to show, by index into {@code images}, in order
 * @param placeholder what an empty gallery says
 */
public record Gallery(DataSet images, ImageResults results, int[] order, String placeholder) {

    public Gallery {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(order, "order");
        if (results.size() != images.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + results.size() + " results");
        }
        placeholder = Objects.requireNonNullElse(placeholder, "");
    }

    /** An empty gallery saying {@code placeholder}. */
    public static Gallery empty(String placeholder) {
        return new Gallery(DataSet.empty("none", 28, 28), new ImageResults(10, new byte[0], new byte[0], new float[0]),
                new int[0], placeholder);
    }

    /** How many images are shown. */
    public int size() {
        return order.length;
    }

    /** The index in {@link #images()} of the image at {@code position}. */
    public int image(int position) {
        return order[position];
    }

    /** The image at {@code position} as the drawing pane takes it: ink values in [0, 1], row-major. */
    public double[] picture(int position) {
        double[] picture = new double[images.pixelsPerImage()];
        images.copyImage(order[position], picture);
        return picture;
    }

    /** The true label of the image at {@code position}. */
    public int label(int position) {
        return images.label(order[position]);
    }

    /**
     * Puts the image at {@code position} on the drawing canvas with its true label; does nothing
     * without a board, for a position outside the gallery, or for images that are not square.
     */
    public void showOn(DrawingBoard board, int position) {
        if (board != null && position >= 0 && position < size() && images.rows() == images.cols()) {
            board.show(picture(position), images.cols(), label(position));
        }
    }
}
