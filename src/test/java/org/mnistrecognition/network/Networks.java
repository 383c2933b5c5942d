package org.mnistrecognition.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on networks shared by tests. */
public final class Networks {
    private Networks() {
    }

    /** {@code actual} is {@code expected}: the same architecture, and every layer's weights, biases and activation bit for bit. */
    public static void assertSameWeights(Network expected, Network actual) {
        assertSameWeights(expected, actual, "");
    }

    /** The same, the failure message starting with {@code where} (e.g. where {@code actual} was read from). */
    public static void assertSameWeights(Network expected, Network actual, String where) {
        String prefix = where.isEmpty() ? "" : where + ": ";
        assertEquals(expected.architecture(), actual.architecture(), prefix + "architecture");
        for (int l = 0; l < expected.depth(); l++) {
            assertArrayEquals(expected.layer(l).weights().data, actual.layer(l).weights().data, prefix + "W" + (l + 1));
            assertArrayEquals(expected.layer(l).biases().data, actual.layer(l).biases().data, prefix + "b" + (l + 1));
            assertEquals(expected.layer(l).activation(), actual.layer(l).activation(), prefix + "activation " + (l + 1));
        }
    }
}
