package org.mnistrecognition.training;

/**
 * A periodic summary of a run.
 *
 * @param iteration samples trained so far
 * @param totalIterations samples the run will train on
 * @param epoch passes over the training set so far (fractional)
 * @param meanCost the mean cost of the samples since the previous summary
 * @param runningAccuracy the share of the last (up to) 1,000 samples guessed right before their update
 * @param samplesPerSecond training speed since the previous summary
 * @param elapsedSeconds time spent training, pauses excluded
 * @param learningRate the learning rate in force
 */
public record Progress(long iteration, long totalIterations, double epoch, double meanCost, double runningAccuracy,
                       double samplesPerSecond, double elapsedSeconds, double learningRate) {

    /** The fraction of the run done, in [0, 1]. */
    public double fraction() {
        return totalIterations == 0 ? 1 : (double) iteration / totalIterations;
    }

    /** Estimated seconds left at the current speed. */
    public double secondsLeft() {
        return samplesPerSecond > 0 ? (totalIterations - iteration) / samplesPerSecond : Double.NaN;
    }
}
