package org.mnistrecognition.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the original program's {@code mnist.npz}: {@code training_images} of shape
 * {@code (N, 784, 1)}, {@code (N, 784)} or {@code (N, 28, 28)}, floats in [0, 1] (or integers
 * 0-255), with {@code training_labels} one-hot {@code (N, 10, 1)} or {@code (N, 10)}, or digits
 * {@code (N,)}; and likewise, if present, {@code validation_*} and {@code test_*}.
 */
final class MnistNpz {
    /** The first allocation for the pixels; the array grows with the data that arrives, never on the header's word. */
    private static final int FIRST_ALLOCATION = 1 << 20;

    private final Path file;

    private MnistNpz(Path file) {
        this.file = file;
    }

    static MnistData load(Path file) throws IOException {
        return new MnistNpz(file).load();
    }

    private MnistData load() throws IOException {
        try (NpzReader npz = NpzReader.open(file)) {
            DataSet training = read(npz, "training", true);
            DataSet validation = read(npz, "validation", false);
            DataSet test = read(npz, "test", false);
            for (DataSet other : new DataSet[] {validation, test}) {
                if (other != null && (other.rows() != training.rows() || other.cols() != training.cols())) {
                    throw new DataFormatException(file, other.name() + "_images are " + other.rows() + "x" + other.cols()
                            + " but training_images are " + training.rows() + "x" + training.cols());
                }
            }
            return new MnistData(training,
                    validation != null ? validation : DataSet.empty("validation", training.rows(), training.cols()),
                    test != null ? test : DataSet.empty("test", training.rows(), training.cols()),
                    file.toString());
        }
    }

    /** Reads {@code prefix_images} and {@code prefix_labels}; null if both are absent and not required. */
    private DataSet read(NpzReader npz, String prefix, boolean required) throws IOException {
        String imagesName = prefix + "_images";
        String labelsName = prefix + "_labels";
        boolean hasImages = npz.contains(imagesName);
        boolean hasLabels = npz.contains(labelsName);
        if (!hasImages && !hasLabels && !required) {
            return null;
        }
        if (!hasImages) {
            throw new DataFormatException(file, imagesName + " missing");
        }
        if (!hasLabels) {
            throw new DataFormatException(file, labelsName + " missing");
        }
        byte[] labels = labels(npz.array(labelsName), labelsName);
        try (NpyReader images = npz.stream(imagesName)) {
            int[] shape = images.shape();
            int rows;
            int cols;
            if (shape.length == 2 || shape.length == 3 && shape[2] == 1) {
                int side = (int) Math.round(Math.sqrt(shape[1]));
                if (side * side != shape[1] || side == 0) {
                    throw new DataFormatException(file, imagesName + " holds images of " + shape[1]
                            + " pixels, not a square number (such as 784 = 28x28)");
                }
                rows = side;
                cols = side;
            } else if (shape.length == 3) {
                rows = shape[1];
                cols = shape[2];
            } else {
                throw new DataFormatException(file, imagesName + " has shape " + NpyArray.shapeText(shape)
                        + ", expected (N, 784, 1), (N, 784) or (N, 28, 28)");
            }
            int n = shape[0];
            if (n != labels.length) {
                throw new DataFormatException(file, imagesName + " holds " + n + " images but " + labelsName
                        + " holds " + labels.length + " labels");
            }
            if (rows == 0 || cols == 0 || (long) rows * cols > IdxReader.MAX_IMAGE_PIXELS) {
                throw new DataFormatException(file, imagesName + " holds images of " + rows + "x" + cols
                        + ", not between 1 and " + IdxReader.MAX_IMAGE_PIXELS + " pixels");
            }
            return new DataSet(prefix, rows, cols, pixels(images, imagesName, n, rows * cols), labels);
        }
    }

    /** Converts {@code n} images of {@code ppi} values each to bytes: round(v × 255) for floats in [0, 1]. */
    private byte[] pixels(NpyReader images, String name, int n, int ppi) throws IOException {
        long total = (long) n * ppi;
        if (total > Integer.MAX_VALUE - 16) {
            throw new DataFormatException(file, name + " holds more than 2 GB of pixels");
        }
        byte[] pixels = new byte[(int) Math.min(total, FIRST_ALLOCATION)];
        double[] image = new double[ppi];
        boolean floats = images.isFloat();
        for (int i = 0; i < n; i++) {
            images.read(image, 0, ppi);
            int base = i * ppi;
            if (base + ppi > pixels.length) {
                int grown = (int) Math.min(total, Math.max(2L * pixels.length, base + ppi));
                HeapRoom.require(file, name, grown);
                pixels = Arrays.copyOf(pixels, grown);
            }
            for (int k = 0; k < ppi; k++) {
                double v = image[k];
                if (floats) {
                    if (!(v >= 0 && v <= 1)) {
                        throw new DataFormatException(file, name + ": value " + v + " of image " + i + " is outside [0, 1]");
                    }
                    pixels[base + k] = (byte) Math.round(v * 255);
                } else {
                    if (v < 0 || v > 255) {
                        throw new DataFormatException(file, name + ": value " + (long) v + " of image " + i + " is outside 0-255");
                    }
                    pixels[base + k] = (byte) v;
                }
            }
        }
        images.finish();
        return pixels;
    }

    /** The digit of each row: one-hot rows {@code (N, 10[, 1])} or digits {@code (N,)}. */
    private byte[] labels(NpyArray array, String name) throws DataFormatException {
        double[] v = array.values();
        if (array.rank() == 1) {
            byte[] labels = new byte[array.dim(0)];
            for (int i = 0; i < labels.length; i++) {
                if (!(v[i] >= 0 && v[i] <= 9 && v[i] == Math.rint(v[i]))) {
                    throw new DataFormatException(file, name + ": label " + v[i] + " at index " + i + " is not a digit 0-9");
                }
                labels[i] = (byte) v[i];
            }
            return labels;
        }
        if (!(array.rank() == 2 || array.rank() == 3 && array.dim(2) == 1) || array.dim(1) != 10) {
            throw new DataFormatException(file, name + " has shape " + array.shapeText()
                    + ", expected one-hot rows (N, 10, 1) or (N, 10), or digits (N,)");
        }
        byte[] labels = new byte[array.dim(0)];
        for (int i = 0; i < labels.length; i++) {
            int one = -1;
            for (int j = 0; j < 10; j++) {
                double x = v[i * 10 + j];
                if (x == 1 && one < 0) {
                    one = j;
                } else if (x != 0) {
                    one = -2;
                    break;
                }
            }
            if (one < 0) {
                throw new DataFormatException(file, name + ": row " + i + " is not one-hot (it must hold a single 1 and nine 0s)");
            }
            labels[i] = (byte) one;
        }
        return labels;
    }
}
