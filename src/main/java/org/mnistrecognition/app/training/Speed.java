package org.mnistrecognition.app.training;

import java.util.Locale;

/** How fast a run may go: full speed, or slow enough to read the log line by line. */
public enum Speed {
    FULL(0), PER_SECOND_1000(1000), PER_SECOND_100(100), PER_SECOND_30(30), PER_SECOND_10(10), PER_SECOND_3(3),
    PER_SECOND_1(1);

    private final double iterationsPerSecond;

    Speed(double iterationsPerSecond) {
        this.iterationsPerSecond = iterationsPerSecond;
    }

    /** The limit for {@code RunControl.setSpeed}: 0 for full speed. */
    public double iterationsPerSecond() {
        return iterationsPerSecond;
    }

    @Override
    public String toString() {
        return iterationsPerSecond == 0 ? "Full speed"
                : String.format(Locale.ROOT, "%,d per second", (long) iterationsPerSecond);
    }
}
