package org.mnistrecognition.data;

import java.util.Objects;

/**
 * The three data sets of one source, all with images of the same size.
 *
 * @param training the images to train on
 * @param validation images held out of training to choose hyper-parameters (may be empty)
 * @param test the images to report accuracy on (may be empty)
 * @param source where they came from, for messages and model metadata (a path)
 */
public record MnistData(DataSet training, DataSet validation, DataSet test, String source) {

    /** How many of the official training images an IDX folder's validation set takes: the last 10,000. */
    public static final int VALIDATION_SIZE = 10_000;

    public MnistData {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(source, "source");
        for (DataSet other : new DataSet[] {validation, test}) {
            if (other.rows() != training.rows() || other.cols() != training.cols()) {
                throw new IllegalArgumentException(source + ": " + other.name() + " images are " + other.rows() + "x"
                        + other.cols() + " but training images are " + training.rows() + "x" + training.cols());
            }
        }
    }
}
