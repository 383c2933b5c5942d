package org.mnistrecognition.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.mnistrecognition.model.AtomicFiles;

/** Writes pictures as PNG files, atomically ({@link AtomicFiles}). */
public final class PngFile {
    private PngFile() {
    }

    /**
     * Writes a picture.
     *
     * @param argb {@code width × height} pixels, row-major, each {@code 0xAARRGGBB}
     * @throws IOException naming the file, if it cannot be written
     */
    public static void write(Path file, int width, int height, int[] argb) throws IOException {
        if (width <= 0 || height <= 0 || argb.length < (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " picture needs " + (long) width * height
                    + " pixels, got " + argb.length);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is available");
            }
        });
    }
}
