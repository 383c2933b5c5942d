package org.mnistrecognition.app.drawing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InkRasterTest {

    private static double[] values(InkRaster raster) {
        double[] v = new double[raster.width() * raster.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = raster.at(i);
        }
        return v;
    }

    @Test
    void aCapsuleInksItsSegmentWithASoftEdge() {
        InkRaster raster = new InkRaster(60, 40);

        raster.capsule(10, 20.3, 50, 20.3, 5, false);

        assertEquals(1, raster.at(20 * 60 + 30), "on the segment");
        assertEquals(1, raster.at(24 * 60 + 30), "inside the radius");
        double edge = raster.at(25 * 60 + 30);
        assertTrue(edge > 0 && edge < 1, "the pixel across the edge is partly inked: " + edge);
        assertEquals(0, raster.at(27 * 60 + 30), "past the edge");
        assertEquals(1, raster.at(20 * 60 + 6), "inside the round end");
        assertEquals(0, raster.at(20 * 60 + 3), "past the round end");
    }

    @Test
    void overlappingPiecesNeverInkMoreThanOnePieceWould() {
        InkRaster once = new InkRaster(40, 40);
        InkRaster cut = new InkRaster(40, 40);

        once.capsule(5, 20, 35, 20, 4, false);
        for (int x = 5; x < 35; x += 2) {
            cut.capsule(x, 20, x + 2, 20, 4, false);
        }

        double[] a = values(once);
        double[] b = values(cut);
        for (int y = 0; y < 40; y++) {
            // away from the ends the strokes agree exactly; the edge pixels stay as soft
            assertEquals(a[y * 40 + 20], b[y * 40 + 20], 1e-12, "row " + y);
        }
    }

    @Test
    void theEraserTakesInkAway() {
        InkRaster raster = new InkRaster(40, 40);
        raster.capsule(5, 20, 35, 20, 4, false);

        raster.capsule(20, 0, 20, 40, 6, true);

        assertEquals(0, raster.at(20 * 40 + 20));
        assertEquals(1, raster.at(20 * 40 + 8));
    }

    @Test
    void aScaledPictureKeepsItsShadesAndPlaces() {
        double[] picture = new double[4 * 4];
        picture[1 * 4 + 2] = 1;
        InkRaster raster = new InkRaster(40, 40);

        raster.fillScaled(picture, 4);

        assertEquals(1, raster.at(15 * 40 + 25), 0.05, "the middle of the bright pixel");
        assertEquals(0, raster.at(35 * 40 + 5), 1e-12, "far from it");
        double[] flat = new double[16];
        Arrays.fill(flat, 0.5);
        raster.fillScaled(flat, 4);
        for (double v : values(raster)) {
            assertEquals(0.5, v, 1e-12);
        }
    }

    @Test
    void aStrokeReplaysExactlyAsItWasDrawn() {
        InkRaster drawn = new InkRaster(100, 100);
        Random random = new Random(7);
        Stroke stroke = new Stroke(50, 50, 6, false, drawn);
        for (int i = 0; i < 40; i++) {
            stroke.extend(10 + 80 * random.nextDouble(), 10 + 80 * random.nextDouble(), drawn);
        }
        stroke.finish(drawn);

        InkRaster replayed = new InkRaster(100, 100);
        stroke.replay(replayed);

        assertArrayEquals(values(drawn), values(replayed));
    }
}
