package org.mnistrecognition.app.evaluate;

/**
 * A diverging colour map for signed values in [-1, 1]: blue for negative, near-white for zero,
 * red for positive (ColorBrewer's RdBu, five anchors, interpolated), as ARGB.
 */
final class DivergingColours {
    /** The colour of a value that is not a number. */
    static final int NOT_A_NUMBER = 0xFF9A9A9A;
    private static final int STEPS = 512;
    private static final int[] ANCHORS = {0x0571B0, 0x92C5DE, 0xF7F7F7, 0xF4A582, 0xCA0020};
    private static final int[] TABLE = new int[STEPS + 1];

    static {
        for (int k = 0; k <= STEPS; k++) {
            double t = (double) k / STEPS * (ANCHORS.length - 1);
            int a = Math.min(ANCHORS.length - 2, (int) t);
            double f = t - a;
            TABLE[k] = 0xFF000000 | mix(ANCHORS[a] >> 16, ANCHORS[a + 1] >> 16, f) << 16
                    | mix(ANCHORS[a] >> 8, ANCHORS[a + 1] >> 8, f) << 8 | mix(ANCHORS[a], ANCHORS[a + 1], f);
        }
    }

    private DivergingColours() {
    }

    /** The colour of {@code v} (clamped to [-1, 1]). */
    static int argb(double v) {
        if (Double.isNaN(v)) {
            return NOT_A_NUMBER;
        }
        double c = Math.max(-1, Math.min(1, v));
        return TABLE[(int) Math.round((c + 1) / 2 * STEPS)];
    }

    private static int mix(int from, int to, double f) {
        int a = from & 0xFF;
        int b = to & 0xFF;
        return (int) Math.round(a + (b - a) * f);
    }
}
