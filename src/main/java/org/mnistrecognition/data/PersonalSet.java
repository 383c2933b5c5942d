package org.mnistrecognition.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mnistrecognition.model.AtomicFiles;

/**
 * A person's own handwritten digits, kept in a folder as an MNIST-style IDX pair:
 * {@value #IMAGES} (28x28 unsigned-byte images, ink bright on dark) and {@value #LABELS}. Each
 * change rewrites both files as one ({@link AtomicFiles#writeTogether}): a failed write (a full
 * disk, a read-only folder) leaves both as they were, and a pair left inconsistent all the same
 * (the process stopped between the two moves) is reported when read.
 */
public final class PersonalSet {
    /** The images file's name. */
    public static final String IMAGES = "images-idx3-ubyte";
    /** The labels file's name. */
    public static final String LABELS = "labels-idx1-ubyte";
    /** The side of every image, as MNIST's. */
    public static final int SIDE = 28;

    private final Path folder;

    /** The set kept in {@code folder} (created when the first digit is saved). */
    public PersonalSet(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    public Path folder() {
        return folder;
    }

    /**
     * The saved digits; an empty set when none were saved yet.
     *
     * @throws DataFormatException naming the file, if a file is missing, damaged or disagrees with the other
     */
    public DataSet load() throws IOException {
        Path images = folder.resolve(IMAGES);
        Path labels = folder.resolve(LABELS);
        boolean hasImages = Files.exists(images);
        boolean hasLabels = Files.exists(labels);
        if (!hasImages && !hasLabels) {
            return DataSet.empty("your handwriting", SIDE, SIDE);
        }
        if (!hasLabels) {
            throw new DataFormatException(folder, "has " + IMAGES + " but no " + LABELS);
        }
        if (!hasImages) {
            throw new DataFormatException(folder, "has " + LABELS + " but no " + IMAGES);
        }
        IdxReader.Images read = IdxReader.readImages(images);
        if (read.rows() != SIDE || read.cols() != SIDE) {
            throw new DataFormatException(images, "holds images of " + read.rows() + "x" + read.cols() + ", expected "
                    + SIDE + "x" + SIDE);
        }
        byte[] labelBytes = IdxReader.readLabels(labels);
        if (labelBytes.length != read.count()) {
            throw new DataFormatException(images, "holds " + read.count() + " images but " + labels + " holds "
                    + labelBytes.length + " labels");
        }
        return new DataSet("your handwriting", SIDE, SIDE, read.pixels(), labelBytes);
    }

    /**
     * Saves {@code current} with one more digit at its end, and returns the new set.
     *
     * @param image {@code 28 × 28} unsigned bytes, row-major, ink bright (255) on dark (0)
     * @param label the digit it shows, 0-9
     * @throws IOException naming the file, if it cannot be written
     */
    public DataSet add(DataSet current, byte[] image, int label) throws IOException {
        if (image.length != SIDE * SIDE) {
            throw new IllegalArgumentException("a digit needs " + SIDE * SIDE + " pixels, got " + image.length);
        }
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("a digit's label is 0-9, got " + label);
        }
        checkShape(current);
        int n = current.size();
        byte[] pixels = Arrays.copyOf(current.pixels(), (n + 1) * SIDE * SIDE);
        System.arraycopy(image, 0, pixels, n * SIDE * SIDE, SIDE * SIDE);
        byte[] labels = Arrays.copyOf(current.labels(), n + 1);
        labels[n] = (byte) label;
        DataSet next = new DataSet(current.name(), SIDE, SIDE, pixels, labels);
        save(next);
        return next;
    }

    /** Saves {@code current} without digit {@code index}, and returns the new set. */
    public DataSet remove(DataSet current, int index) throws IOException {
        checkShape(current);
        Objects.checkIndex(index, current.size());
        int n = current.size();
        int px = SIDE * SIDE;
        byte[] pixels = new byte[(n - 1) * px];
        System.arraycopy(current.pixels(), 0, pixels, 0, index * px);
        System.arraycopy(current.pixels(), (index + 1) * px, pixels, index * px, (n - 1 - index) * px);
        byte[] labels = new byte[n - 1];
        System.arraycopy(current.labels(), 0, labels, 0, index);
        System.arraycopy(current.labels(), index + 1, labels, index, n - 1 - index);
        DataSet next = new DataSet(current.name(), SIDE, SIDE, pixels, labels);
        save(next);
        return next;
    }

    private static void checkShape(DataSet set) {
        if (set.rows() != SIDE || set.cols() != SIDE) {
            throw new IllegalArgumentException("a personal set holds " + SIDE + "x" + SIDE + " images, not "
                    + set.rows() + "x" + set.cols());
        }
    }

    /**
     * Writes both files, or deletes both when the set is empty, as one change: if either cannot
     * be written, both stay as they were. (A count of 0 is valid IDX, but {@link IdxReader}
     * refuses a header with any size of 0 and {@link IdxWriter} writes at least one item, so an
     * empty set is kept as no files, as before the first digit was saved.)
     */
    private void save(DataSet set) throws IOException {
        Path images = folder.resolve(IMAGES);
        Path labels = folder.resolve(LABELS);
        if (set.isEmpty()) {
            AtomicFiles.writeTogether(List.of(AtomicFiles.Change.delete(images), AtomicFiles.Change.delete(labels)));
            return;
        }
        AtomicFiles.writeTogether(List.of(IdxWriter.images(images, SIDE, SIDE, set.pixels()),
                IdxWriter.labels(labels, set.labels())));
    }
}
