package org.mnistrecognition.report;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistrecognition.model.AtomicFiles;

/** Writes pictures as PNG files ({@link PngRows}), atomically ({@link AtomicFiles}). */
public final class PngFile {
    private PngFile() {
    }

    /**
     * Writes a picture, keeping each pixel's alpha.
     *
     * @param argb {@code width × height} pixels, row-major, each {@code 0xAARRGGBB}
     * @throws IOException naming the file, if it cannot be written
     */
    public static void write(Path file, int width, int height, int[] argb) throws IOException {
        if (width <= 0 || height <= 0 || argb.length < (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " picture needs " + (long) width * height
                    + " pixels, got " + argb.length);
        }
        AtomicFiles.write(file, out -> {
            try (PngRows png = new PngRows(out, width, height, true)) {
                png.write(argb, 0, height);
                png.finish();
            }
        });
    }
}
