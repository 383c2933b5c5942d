package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A view's picture with a scrolled part shown whole: the view above and below, the whole part between. */
class StretchedPictureTest {
    /**
     * A 5×4 view, each pixel {@code 100 × row + column}, with a 3×2 part at (1, 1) that holds a 3×5
     * whole picture, each pixel {@code 1000 + 10 × row + column}.
     */
    private static StretchedPicture picture() {
        int[] view = new int[5 * 4];
        for (int i = 0; i < view.length; i++) {
            view[i] = 100 * (i / 5) + i % 5;
        }
        WholePicture.Rows whole = (top, rows, argb) -> {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < 3; c++) {
                    argb[r * 3 + c] = 1000 + 10 * (top + r) + c;
                }
            }
        };
        return new StretchedPicture(view, 5, 4, 1, 1, 3, 2, 3, 5, whole);
    }

    @Test
    void thePartGrowsToItsWholeHeightBetweenTheViewAboveAndBelow() {
        StretchedPicture picture = picture();
        assertEquals(5, picture.width());
        assertEquals(7, picture.height(), "4 rows of view, less the part's 2, plus its whole 5");
        int[] all = new int[5 * 7];
        picture.rows(0, 7, all);
        int[] expected = {
            0, 1, 2, 3, 4,
            // beside the part: the view's pixels at the part's middle row (row 2)
            200, 1000, 1001, 1002, 204,
            200, 1010, 1011, 1012, 204,
            200, 1020, 1021, 1022, 204,
            200, 1030, 1031, 1032, 204,
            200, 1040, 1041, 1042, 204,
            300, 301, 302, 303, 304,
        };
        assertArrayEquals(expected, all);
    }

    @Test
    void stripsOfAnyHeightMakeTheSamePicture() {
        int[] all = new int[5 * 7];
        picture().rows(0, 7, all);
        StretchedPicture picture = picture();
        int[] strip = new int[5 * 3];
        for (int top = 0; top < 7; top += 3) {
            int rows = Math.min(3, 7 - top);
            picture.rows(top, rows, strip);
            for (int i = 0; i < rows * 5; i++) {
                assertEquals(all[top * 5 + i], strip[i], "row " + (top + i / 5) + ", column " + i % 5);
            }
        }
    }
}
