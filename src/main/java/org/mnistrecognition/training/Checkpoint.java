package org.mnistrecognition.training;

/**
 * Validation accuracy at a point of a run.
 *
 * @param iteration samples trained when it was measured
 * @param validationAccuracy the share of the validation set guessed right (NaN if there is none)
 */
public record Checkpoint(long iteration, double validationAccuracy) {
}
