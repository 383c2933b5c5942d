package org.mnistrecognition.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.mnistrecognition.model.AtomicFiles;

/**
 * Writes IDX files of unsigned-byte images and labels, uncompressed, as {@link IdxReader} reads
 * them; each file is replaced atomically ({@link AtomicFiles}), or an images and labels pair
 * together ({@link #images} and {@link #labels} with {@link AtomicFiles#writeTogether}). IDX has
 * no room for an empty file (every dimension is positive), so there must be at least one item.
 */
public final class IdxWriter {
    private IdxWriter() {
    }

    /**
     * Writes images.
     *
     * @param pixels {@code count × rows × cols} unsigned bytes, row-major image after image
     * @throws IllegalArgumentException if the sizes disagree or there is no image
     * @throws IOException naming the file, if it cannot be written (the previous file is then unchanged)
     */
    public static void writeImages(Path file, int rows, int cols, byte[] pixels) throws IOException {
        AtomicFiles.write(file, images(file, rows, cols, pixels).writer());
    }

    /**
     * The images file as one change of {@link AtomicFiles#writeTogether}, for writing with the
     * file of its labels.
     *
     * @param pixels {@code count × rows × cols} unsigned bytes, row-major image after image
     * @throws IllegalArgumentException if the sizes disagree or there is no image
     */
    public static AtomicFiles.Change images(Path file, int rows, int cols, byte[] pixels) {
        if (rows <= 0 || cols <= 0 || pixels.length == 0 || pixels.length % (rows * cols) != 0) {
            throw new IllegalArgumentException("cannot write " + pixels.length + " pixels as images of " + rows + "x" + cols);
        }
        int count = pixels.length / (rows * cols);
        return AtomicFiles.Change.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(IdxReader.IMAGES_MAGIC);
            data.writeInt(count);
            data.writeInt(rows);
            data.writeInt(cols);
            data.write(pixels);
            data.flush();
        });
    }

    /**
     * Writes labels, each 0-9.
     *
     * @throws IllegalArgumentException if a label is outside 0-9 or there is none
     * @throws IOException naming the file, if it cannot be written (the previous file is then unchanged)
     */
    public static void writeLabels(Path file, byte[] labels) throws IOException {
        AtomicFiles.write(file, labels(file, labels).writer());
    }

    /**
     * The labels file as one change of {@link AtomicFiles#writeTogether}, for writing with the
     * file of its images.
     *
     * @throws IllegalArgumentException if a label is outside 0-9 or there is none
     */
    public static AtomicFiles.Change labels(Path file, byte[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("cannot write an IDX file of no labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is outside 0-9");
            }
        }
        return AtomicFiles.Change.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(IdxReader.LABELS_MAGIC);
            data.writeInt(labels.length);
            data.write(labels);
            data.flush();
        });
    }
}
