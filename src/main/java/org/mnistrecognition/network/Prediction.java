package org.mnistrecognition.network;

/**
 * What the network reads in one input.
 *
 * @param digit the class with the highest output
 * @param probabilities one value per class summing to 1: the softmax output as it is, other
 *        outputs (the original's sigmoids) normalised by their sum; length = output size
 */
public record Prediction(int digit, double[] probabilities) {

    /** Reads the output activations of a network whose output layer uses {@code activation}. */
    public static Prediction of(double[] outputs, Activation activation) {
        double[] p = outputs.clone();
        if (activation != Activation.SOFTMAX) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.max(0, p[i]);
                sum += p[i];
            }
            for (int i = 0; i < p.length; i++) {
                p[i] = sum > 0 ? p[i] / sum : 1.0 / p.length;
            }
        }
        return new Prediction(Network.argmax(p, 0, p.length), p);
    }

    /** The probability of the guessed digit. */
    public double confidence() {
        return probabilities[digit];
    }
}
