package org.mnistrecognition.app.evaluate;

/**
 * A cell of a confusion matrix: the images of one true digit given one guess.
 *
 * @param actual the true digit (row)
 * @param guess the guess (column)
 */
public record Cell(int actual, int guess) {
}
