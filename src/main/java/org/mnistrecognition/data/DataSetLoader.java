package org.mnistrecognition.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads {@link MnistData} from a folder of IDX files or from an {@code .npz} archive.
 *
 * <p>A folder must hold MNIST's four files under their standard names, each raw or gzipped:
 * {@value #TRAIN_IMAGES}, {@value #TRAIN_LABELS}, {@value #TEST_IMAGES}, {@value #TEST_LABELS}
 * (so Fashion-MNIST works as well). The official training images are split: all but the last
 * {@link MnistData#VALIDATION_SIZE} to train on and those to validate on, or all of them to train
 * on when there are no more than that. An {@code .npz} is read as the original program's
 * {@code mnist.npz} ({@code training_images}, {@code training_labels}, optionally
 * {@code validation_*} and {@code test_*}).
 */
public final class DataSetLoader {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The system property naming a data folder to use instead of the bundled one. */
    public static final String DATA_PROPERTY = "mnist.data";

    private DataSetLoader() {
    }

    /**
     * Loads a folder of IDX files or an {@code .npz} archive.
     *
     * @throws DataFormatException naming the file (or folder) and the problem
     * @throws IOException if a file cannot be read at all
     */
    public static MnistData load(Path dirOrNpz) throws IOException {
        if (Files.isDirectory(dirOrNpz)) {
            return loadIdx(dirOrNpz);
        }
        if (!Files.exists(dirOrNpz)) {
            throw new DataFormatException(dirOrNpz, "no such file or folder");
        }
        return MnistNpz.load(dirOrNpz);
    }

    /**
     * The bundled MNIST folder: the system property {@value #DATA_PROPERTY} if set, else
     * {@code data/mnist} found as {@link BundledFiles} describes.
     */
    public static Path bundledData() {
        return BundledFiles.resolve(DATA_PROPERTY, "data/mnist");
    }

    private static MnistData loadIdx(Path dir) throws IOException {
        Path trainImages = find(dir, TRAIN_IMAGES);
        Path trainLabels = find(dir, TRAIN_LABELS);
        Path testImages = find(dir, TEST_IMAGES);
        Path testLabels = find(dir, TEST_LABELS);

        byte[] labels = IdxReader.readLabels(trainLabels);
        DataSet training;
        DataSet validation;
        int rows;
        int cols;
        try (IdxReader images = IdxReader.openImages(trainImages)) {
            checkCounts(images, trainImages, labels, trainLabels);
            rows = images.rows();
            cols = images.cols();
            int n = images.count();
            int train = n > MnistData.VALIDATION_SIZE ? n - MnistData.VALIDATION_SIZE : n;
            training = new DataSet("training", rows, cols, images.read(train), copyOfRange(labels, 0, train, n));
            validation = new DataSet("validation", rows, cols, images.read(n - train), copyOfRange(labels, train, n, n));
            images.finish();
        }

        byte[] testLabelBytes = IdxReader.readLabels(testLabels);
        DataSet test;
        try (IdxReader images = IdxReader.openImages(testImages)) {
            checkCounts(images, testImages, testLabelBytes, testLabels);
            if (images.rows() != rows || images.cols() != cols) {
                throw new DataFormatException(testImages, "holds images of " + images.rows() + "x" + images.cols()
                        + " but " + trainImages + " holds images of " + rows + "x" + cols);
            }
            test = new DataSet("test", rows, cols, images.read(images.count()), testLabelBytes);
            images.finish();
        }
        return new MnistData(training, validation, test, dir.toString());
    }

    private static byte[] copyOfRange(byte[] labels, int from, int to, int n) {
        return from == 0 && to == n ? labels : Arrays.copyOfRange(labels, from, to);
    }

    private static void checkCounts(IdxReader images, Path imagesFile, byte[] labels, Path labelsFile) throws DataFormatException {
        if (images.count() != labels.length) {
            throw new DataFormatException(imagesFile, "holds " + images.count() + " images but " + labelsFile
                    + " holds " + labels.length + " labels");
        }
    }

    /** {@code dir/name}, else {@code dir/name.gz}. */
    private static Path find(Path dir, String name) throws DataFormatException {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new DataFormatException(dir, "missing " + name + " (or " + name + ".gz)");
    }
}
