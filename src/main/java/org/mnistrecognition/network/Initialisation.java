package org.mnistrecognition.network;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** How a layer's weights are drawn before training; biases always start at zero. */
public enum Initialisation {
    /** The original program's: uniform in [0, 1) divided by sqrt(fan-in), all positive. */
    ORIGINAL,
    /** The original's made symmetric about zero: uniform in [-1, 1) divided by sqrt(fan-in); the corrected seed's. */
    CENTRED,
    /** Glorot/Xavier: uniform in ±sqrt(6 / (fan-in + fan-out)). */
    XAVIER,
    /** He: normal with standard deviation sqrt(2 / fan-in), for ReLU layers. */
    HE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Initialisation parse(String text) {
        for (Initialisation i : values()) {
            if (i.id().equalsIgnoreCase(text.trim())) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "unknown initialisation '" + text + "' (choose original, centred, xavier or he)");
    }

    /** Draws one weight of a layer with {@code fanIn} inputs and {@code fanOut} outputs. */
    public double draw(RandomGenerator random, int fanIn, int fanOut) {
        return switch (this) {
            case ORIGINAL -> random.nextDouble() / Math.sqrt(fanIn);
            case CENTRED -> (2 * random.nextDouble() - 1) / Math.sqrt(fanIn);
            case XAVIER -> (2 * random.nextDouble() - 1) * Math.sqrt(6.0 / (fanIn + fanOut));
            case HE -> random.nextGaussian() * Math.sqrt(2.0 / fanIn);
        };
    }
}
