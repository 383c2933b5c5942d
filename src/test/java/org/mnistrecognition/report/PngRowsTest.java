package org.mnistrecognition.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A picture written a few rows at a time reads back (through ImageIO) as the pixels written. */
class PngRowsTest {
    /** {@code width × height} pixels: smooth runs, edges and noise, seeded. */
    private static int[] picture(int width, int height, boolean opaque, long seed) {
        Random random = new Random(seed);
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 7) & 0xFF;
                int g = (y * 5) & 0xFF;
                int b = (x + y) % 3 == 0 ? random.nextInt(256) : 200;
                int a = opaque ? 0xFF : random.nextInt(256);
                argb[y * width + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return argb;
    }

    private static BufferedImage written(int width, int height, boolean alpha, int[] argb, int... strips) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngRows png = new PngRows(out, width, height, alpha);
        int top = 0;
        for (int rows : strips) {
            png.write(argb, top * width, rows);
            top += rows;
        }
        png.finish();
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void anOpaquePictureInStripsReadsBackAsItsPixels() throws Exception {
        int[] argb = picture(37, 90, true, 1);
        BufferedImage read = written(37, 90, false, argb, 1, 40, 49);
        assertEquals(37, read.getWidth());
        assertEquals(90, read.getHeight());
        assertEquals(false, read.getColorModel().hasAlpha(), "RGB: the alpha of an opaque picture is dropped");
        assertArrayEquals(argb, read.getRGB(0, 0, 37, 90, null, 0, 37));
    }

    @Test
    void aTranslucentPictureKeepsItsAlpha() throws Exception {
        int[] argb = picture(20, 30, false, 2);
        BufferedImage read = written(20, 30, true, argb, 30);
        assertArrayEquals(argb, read.getRGB(0, 0, 20, 30, null, 0, 20));
    }

    @Test
    void aPictureMustGetAllItsRowsAndNoMore() throws Exception {
        PngRows png = new PngRows(new ByteArrayOutputStream(), 4, 3, false);
        png.write(new int[8], 0, 2);
        assertThrows(IllegalStateException.class, png::finish, "one row missing");
        assertThrows(IllegalStateException.class, () -> png.write(new int[8], 0, 2), "one row too many");
        assertThrows(IllegalArgumentException.class, () -> png.write(new int[3], 0, 1), "fewer pixels than a row");
        png.write(new int[4], 0, 1);
        png.finish();
        png.close();
    }
}
