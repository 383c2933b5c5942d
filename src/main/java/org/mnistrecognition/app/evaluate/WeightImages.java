package org.mnistrecognition.app.evaluate;

import java.util.Arrays;
import org.mnistrecognition.network.Layer;
import org.mnistrecognition.network.Network;

/**
 * The first layer's incoming weights of every unit, each unit's as a picture of the input: for
 * a 784-input network, {@code units} pictures of 28x28.
 *
 * @param units the number of units of the first layer (pictures)
 * @param rows the pictures' height
 * @param cols the pictures' width
 * @param values the weights scaled into [-1, 1], {@code units × rows × cols}, picture after picture, row-major
 * @param scale for each unit, the weight that 1 stands for (the largest magnitude, of the unit or of the layer); {@code units}
 */
public record WeightImages(int units, int rows, int cols, float[] values, double[] scale) {

    /** How the weights are scaled into [-1, 1]. */
    public enum Scale {
        /** Each unit by its own largest weight: every picture's pattern shows, however weak the unit. */
        UNIT("each unit its own scale"),
        /** All by the layer's largest weight: strong and weak units compare. */
        SHARED("one scale for all units");

        private final String text;

        Scale(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The pictures of {@code network}'s first layer, its inputs laid out as {@code rows × cols}.
     *
     * @throws IllegalArgumentException if {@code rows × cols} is not the number of inputs
     */
    public static WeightImages of(Network network, int rows, int cols, Scale scale) {
        Layer first = network.layer(0);
        int inputs = first.inputs();
        int units = first.outputs();
        if (rows * cols != inputs) {
            throw new IllegalArgumentException("the first layer has " + inputs + " inputs, not " + rows + "x" + cols);
        }
        // W is inputs × units, input-major: W[i][j] = data[i * units + j]
        double[] w = first.weights().data;
        double[] max = new double[units];
        for (int i = 0; i < inputs; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                double a = Math.abs(w[row + j]);
                if (a > max[j]) {
                    max[j] = a;
                }
            }
        }
        if (scale == Scale.SHARED) {
            double all = 0;
            for (double m : max) {
                all = Math.max(all, m);
            }
            Arrays.fill(max, all);
        }
        float[] values = new float[units * inputs];
        for (int i = 0; i < inputs; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                values[j * inputs + i] = max[j] > 0 ? (float) (w[row + j] / max[j]) : 0f;
            }
        }
        return new WeightImages(units, rows, cols, values, max);
    }

    /** The side of a square of {@code inputs} pixels, or 0 if there is none. */
    public static int squareSide(int inputs) {
        int side = (int) Math.round(Math.sqrt(inputs));
        return side * side == inputs ? side : 0;
    }
}
