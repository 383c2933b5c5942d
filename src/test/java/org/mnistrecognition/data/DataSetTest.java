package org.mnistrecognition.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataSetTest {
    /** Two images of 2x3: the first {0, 255, 0, 51, 0, 1}, the second all 128. */
    private static DataSet sample() {
        byte[] pixels = {0, (byte) 255, 0, 51, 0, 1, (byte) 128, (byte) 128, (byte) 128, (byte) 128, (byte) 128, (byte) 128};
        return new DataSet("sample", 2, 3, pixels, new byte[] {3, 9});
    }

    @Test
    void exposesSizesLabelsAndUnsignedPixels() {
        DataSet d = sample();
        assertEquals(2, d.size());
        assertEquals(2, d.rows());
        assertEquals(3, d.cols());
        assertEquals(6, d.pixelsPerImage());
        assertEquals(9, d.label(1));
        assertEquals(255, d.pixel(0, 1));
        assertEquals(128, d.pixel(1, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> d.pixel(0, 6));
    }

    @Test
    void copyImageScalesIntoUnitInterval() {
        double[] dst = new double[6];
        sample().copyImage(0, dst);
        assertArrayEquals(new double[] {0, 1, 0, 0.2, 0, 1 / 255.0}, dst, 1e-15);
    }

    @Test
    void copyNonZeroWritesOnlyNonZeroPixels() {
        int[] indices = new int[6];
        double[] values = new double[6];
        int n = sample().copyNonZero(0, indices, values);
        assertEquals(3, n);
        assertArrayEquals(new int[] {1, 3, 5}, java.util.Arrays.copyOf(indices, n));
        assertArrayEquals(new double[] {1, 0.2, 1 / 255.0}, java.util.Arrays.copyOf(values, n), 1e-15);
        assertEquals(6, sample().copyNonZero(1, indices, values));
    }

    @Test
    void copyNonZeroShiftsAndDropsWhatLeavesTheImage() {
        int[] indices = new int[6];
        double[] values = new double[6];
        // image 0 is  . X .  moved one column right:  . . X
        //             Y . Z                           . Y .   (Z falls off the right edge)
        int n = sample().copyNonZero(0, 1, 0, indices, values);
        assertArrayEquals(new int[] {2, 4}, java.util.Arrays.copyOf(indices, n));
        assertArrayEquals(new double[] {1, 0.2}, java.util.Arrays.copyOf(values, n), 1e-15);
        // one row up: the top row falls off, the bottom row moves to the top
        n = sample().copyNonZero(0, 0, -1, indices, values);
        assertArrayEquals(new int[] {0, 2}, java.util.Arrays.copyOf(indices, n));
        assertArrayEquals(new double[] {0.2, 1 / 255.0}, java.util.Arrays.copyOf(values, n), 1e-15);
    }

    @Test
    void floatValuesAreTheDoublesRoundedAtTheSamePositions() {
        int[] indices = new int[6];
        float[] values = new float[6];
        int n = sample().copyNonZero(0, 1, 0, indices, values);
        assertArrayEquals(new int[] {2, 4}, java.util.Arrays.copyOf(indices, n));
        assertArrayEquals(new float[] {1f, (float) 0.2}, java.util.Arrays.copyOf(values, n), 0f);
        n = sample().copyNonZero(0, 0, -1, indices, values);
        assertArrayEquals(new int[] {0, 2}, java.util.Arrays.copyOf(indices, n));
        assertArrayEquals(new float[] {(float) 0.2, (float) (1 / 255.0)}, java.util.Arrays.copyOf(values, n), 0f);
    }

    @Test
    void sliceCopiesImagesAndLabels() {
        DataSet d = sample();
        DataSet s = d.slice(1, 2, "second");
        assertEquals("second", s.name());
        assertEquals(1, s.size());
        assertEquals(9, s.label(0));
        assertEquals(128, s.pixel(0, 0));
        d.pixels()[6] = 7;
        assertEquals(128, s.pixel(0, 0), "a slice must not share the original's array");
    }

    @Test
    void emptyHasNoImages() {
        DataSet e = DataSet.empty("none", 28, 28);
        assertEquals(0, e.size());
        assertTrue(e.isEmpty());
        assertEquals(784, e.pixelsPerImage());
    }

    @Test
    void constructorRejectsInconsistentArguments() {
        assertThrows(IllegalArgumentException.class, () -> new DataSet("x", 2, 3, new byte[5], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new DataSet("x", 0, 3, new byte[0], new byte[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataSet("x", 1, 1, new byte[2], new byte[] {1, 10}));
        assertTrue(e.getMessage().contains("label 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sample().copyImage(0, new double[5]));
    }
}
