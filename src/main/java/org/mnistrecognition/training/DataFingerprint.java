package org.mnistrecognition.training;

import java.util.zip.CRC32C;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;

/**
 * What a run was trained on, to make sure it is resumed on the same images in the same order.
 *
 * @param source where the data came from (a path), to find it again
 * @param trainingImages the size of the training set
 * @param rows the height of the images
 * @param cols the width of the images
 * @param checksum a CRC-32C of the training set's pixels and labels
 */
public record DataFingerprint(String source, int trainingImages, int rows, int cols, long checksum) {

    /** The fingerprint of {@code data}'s training set (a few milliseconds for MNIST's 50,000 images). */
    public static DataFingerprint of(MnistData data) {
        DataSet training = data.training();
        CRC32C crc = new CRC32C();
        crc.update(training.pixels());
        crc.update(training.labels());
        return new DataFingerprint(data.source(), training.size(), training.rows(), training.cols(), crc.getValue());
    }

    /** Whether {@code other} describes the same training set, wherever it was loaded from. */
    public boolean sameImages(DataFingerprint other) {
        return trainingImages == other.trainingImages && rows == other.rows && cols == other.cols && checksum == other.checksum;
    }
}
