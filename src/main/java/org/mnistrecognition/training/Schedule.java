package org.mnistrecognition.training;

import java.util.Locale;

/** How the learning rate changes over a run. */
public enum Schedule {
    /** The same learning rate throughout (the original's). */
    CONSTANT,
    /** Half a cosine from the learning rate down to zero at the last iteration. */
    COSINE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Schedule parse(String text) {
        for (Schedule s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + text + "' (choose constant or cosine)");
    }

    /** The learning rate after {@code done} of {@code total} iterations, starting from {@code initial}. */
    public double rate(double initial, long done, long total) {
        if (this == CONSTANT || total <= 0) {
            return initial;
        }
        return initial * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, (double) done / total)));
    }
}
