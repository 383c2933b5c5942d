package org.mnistrecognition.app.training;

/**
 * One line of the training log, as the original program printed it.
 *
 * @param iteration the iteration number, from 1
 * @param sampleIndex the trained image's position in the training set
 * @param actual its label
 * @param guess the network's guess before the update
 * @param cost the cost of that guess
 */
public record LogRow(long iteration, int sampleIndex, int actual, int guess, double cost) {

    /** Whether the guess was right. */
    public boolean right() {
        return actual == guess;
    }
}
