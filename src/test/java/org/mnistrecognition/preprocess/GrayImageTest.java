package org.mnistrecognition.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GrayImageTest {

    @Test
    void rejectsAWrongNumberOfValues() {
        assertThrows(IllegalArgumentException.class, () -> new GrayImage(3, 2, new double[5]));
        assertThrows(IllegalArgumentException.class, () -> new GrayImage(0, 2, new double[0]));
    }

    @Test
    void rejectsValuesOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new GrayImage(2, 1, new double[] {0.5, 1.5}));
        assertThrows(IllegalArgumentException.class, () -> new GrayImage(2, 1, new double[] {Double.NaN, 0}));
    }

    @Test
    void holdsItsOwnCopy() {
        double[] values = {0.25, 0.5};
        GrayImage image = new GrayImage(2, 1, values);
        values[0] = 1;
        image.values()[1] = 1;
        assertArrayEquals(new double[] {0.25, 0.5}, image.values());
        assertEquals(new GrayImage(2, 1, new double[] {0.25, 0.5}), image);
    }

    @Test
    void inkIsDarkOnWhitePaper() {
        GrayImage image = GrayImage.fromInk(new double[] {1, 0, 0.25}, 3, 1);
        assertArrayEquals(new double[] {0, 1, 0.75}, image.values());
        assertEquals(0.75, image.at(2, 0));
    }
}
