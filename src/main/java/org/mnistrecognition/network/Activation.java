package org.mnistrecognition.network;

import java.util.Locale;

/** The activation function of a layer. */
public enum Activation {
    /** σ(z) = 1 / (1 + e^-z), the original program's activation on every layer. */
    SIGMOID,
    /** max(0, z). */
    RELU,
    /** tanh(z). */
    TANH,
    /** e^z_j / Σ_k e^z_k over the whole layer; only as the output layer. */
    SOFTMAX;

    /** The lower-case name used on the command line and in model files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}; throws {@link IllegalArgumentException} naming the choices. */
    public static Activation parse(String text) {
        for (Activation a : values()) {
            if (a.id().equalsIgnoreCase(text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + text + "' (choose sigmoid, relu, tanh or softmax)");
    }

    /**
     * Applies the activation: {@code a[off..off+n) = f(z[off..off+n))}.
     *
     * @param z pre-activations, {@code n} values from {@code off}
     * @param a receives the activations, same positions
     */
    public void apply(double[] z, double[] a, int off, int n) {
        switch (this) {
            case SIGMOID -> {
                for (int i = off; i < off + n; i++) {
                    a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
                }
            }
            case RELU -> {
                for (int i = off; i < off + n; i++) {
                    a[i] = z[i] > 0 ? z[i] : 0.0;
                }
            }
            case TANH -> {
                for (int i = off; i < off + n; i++) {
                    a[i] = Math.tanh(z[i]);
                }
            }
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = off; i < off + n; i++) {
                    max = Math.max(max, z[i]);
                }
                double sum = 0;
                for (int i = off; i < off + n; i++) {
                    a[i] = Math.exp(z[i] - max);
                    sum += a[i];
                }
                double inv = 1.0 / sum;
                for (int i = off; i < off + n; i++) {
                    a[i] *= inv;
                }
            }
        }
    }

    /**
     * Back-propagates through the activation: {@code delta = J_f(z)^T g}, which for the
     * element-wise functions is {@code g .* f'(z)}.
     *
     * @param z pre-activations of the layer, {@code n} values from {@code off}
     * @param a the activations {@code f(z)}, same positions
     * @param g the cost's gradient with respect to {@code a}, same positions
     * @param delta receives the gradient with respect to {@code z}, same positions (may be {@code g})
     */
    public void backward(double[] z, double[] a, double[] g, double[] delta, int off, int n) {
        switch (this) {
            case SIGMOID -> {
                for (int i = off; i < off + n; i++) {
                    delta[i] = g[i] * a[i] * (1.0 - a[i]);
                }
            }
            case RELU -> {
                for (int i = off; i < off + n; i++) {
                    delta[i] = z[i] > 0 ? g[i] : 0.0;
                }
            }
            case TANH -> {
                for (int i = off; i < off + n; i++) {
                    delta[i] = g[i] * (1.0 - a[i] * a[i]);
                }
            }
            case SOFTMAX -> {
                double ga = 0;
                for (int i = off; i < off + n; i++) {
                    ga += g[i] * a[i];
                }
                for (int i = off; i < off + n; i++) {
                    delta[i] = a[i] * (g[i] - ga);
                }
            }
        }
    }

    /**
     * {@link #backward(double[], double[], double[], double[], int, int) backward} in single
     * precision, for mini-batch training: the same derivative of every activation.
     */
    public void backward(float[] z, float[] a, float[] g, float[] delta, int off, int n) {
        switch (this) {
            case SIGMOID -> {
                for (int i = off; i < off + n; i++) {
                    delta[i] = g[i] * a[i] * (1f - a[i]);
                }
            }
            case RELU -> {
                for (int i = off; i < off + n; i++) {
                    delta[i] = z[i] > 0 ? g[i] : 0f;
                }
            }
            case TANH -> {
                for (int i = off; i < off + n; i++) {
                    delta[i] = g[i] * (1f - a[i] * a[i]);
                }
            }
            case SOFTMAX -> {
                float ga = 0;
                for (int i = off; i < off + n; i++) {
                    ga += g[i] * a[i];
                }
                for (int i = off; i < off + n; i++) {
                    delta[i] = a[i] * (g[i] - ga);
                }
            }
        }
    }
}
