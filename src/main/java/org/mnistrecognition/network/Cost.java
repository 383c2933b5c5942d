package org.mnistrecognition.network;

import java.util.Locale;

/**
 * The cost of one sample, given the output activations {@code a} and the one-hot target {@code y}
 * of its label.
 */
public enum Cost {
    /**
     * {@code Σ (a - y)²}, the original program's cost, reported as it printed it. As in the original,
     * the back-propagated output error is {@code (a - y) .* σ'(z)}: the gradient of half this cost.
     */
    QUADRATIC,
    /**
     * Cross-entropy: {@code -ln a_label} after a softmax output, and
     * {@code -Σ (y ln a + (1-y) ln(1-a))} after a sigmoid one; its output error is {@code a - y}.
     */
    CROSS_ENTROPY;

    private static final double TINY = 1e-12;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #id()} (also accepts {@code ce} and {@code mse}). */
    public static Cost parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "quadratic", "mse" -> QUADRATIC;
            case "cross-entropy", "ce", "crossentropy" -> CROSS_ENTROPY;
            default -> throw new IllegalArgumentException(
                    "unknown cost '" + text + "' (choose quadratic or cross-entropy)");
        };
    }

    /** Whether this cost can follow an output layer with this activation. */
    public boolean supports(Activation output) {
        return this == QUADRATIC || output == Activation.SIGMOID || output == Activation.SOFTMAX;
    }

    /**
     * The cost of one sample.
     *
     * @param a output activations, {@code n} values from {@code off}
     * @param label the true class, the index of the 1 in the one-hot target
     */
    public double value(Activation output, double[] a, int off, int n, int label) {
        double c = 0;
        if (this == QUADRATIC) {
            for (int j = 0; j < n; j++) {
                double d = a[off + j] - (j == label ? 1.0 : 0.0);
                c += d * d;
            }
        } else if (output == Activation.SOFTMAX) {
            c = -Math.log(Math.max(a[off + label], TINY));
        } else {
            for (int j = 0; j < n; j++) {
                double p = Math.min(Math.max(a[off + j], TINY), 1 - TINY);
                c -= j == label ? Math.log(p) : Math.log(1 - p);
            }
        }
        return c;
    }

    /**
     * The loss whose exact gradient back-propagation computes: {@link #value} for cross-entropy,
     * half of it for the quadratic cost (see {@link #QUADRATIC}). Used to check gradients.
     */
    public double gradientLoss(Activation output, double[] a, int off, int n, int label) {
        double v = value(output, a, off, n, label);
        return this == QUADRATIC ? 0.5 * v : v;
    }

    /**
     * The output layer's error {@code δ = ∂loss/∂z} (see {@link #gradientLoss}).
     *
     * @param z output pre-activations, {@code n} values from {@code off}
     * @param a output activations, same positions
     * @param delta receives δ, same positions
     */
    public void outputDelta(Activation output, double[] z, double[] a, double[] delta, int off, int n, int label) {
        for (int j = 0; j < n; j++) {
            delta[off + j] = a[off + j] - (j == label ? 1.0 : 0.0);
        }
        if (this == QUADRATIC) {
            // delta = (a - y) .* f'(z)
            output.backward(z, a, delta, delta, off, n);
        }
    }
}
