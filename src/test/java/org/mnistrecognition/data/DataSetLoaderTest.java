package org.mnistrecognition.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistrecognition.data.Fixtures.assertDataError;
import static org.mnistrecognition.data.Fixtures.data;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSetLoaderTest {

    @Test
    void loadsAnIdxFolderOfMixedRawAndGzippedFiles() throws Exception {
        MnistData d = DataSetLoader.load(data("idx"));
        assertEquals(3, d.training().size(), "10,000 or fewer training images: all are trained on");
        assertEquals(0, d.validation().size());
        assertEquals(2, d.test().size());
        assertEquals(5, d.training().label(0));
        assertEquals(4, d.training().label(2));
        assertEquals(7, d.test().label(0));
        assertEquals(4, d.test().rows());
        assertEquals(5, d.test().cols());
        assertEquals(21 * 4 % 256, d.training().pixel(1, 1));
        assertEquals(data("idx").toString(), d.source());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "idx-missing | | missing t10k-labels-idx1-ubyte (or t10k-labels-idx1-ubyte.gz)",
        "idx-count-mismatch | /train-images-idx3-ubyte | holds 3 images but ",
        "idx-size-mismatch | /t10k-images-idx3-ubyte | holds images of 5x4 but ",
    })
    void rejectsInconsistentFolders(String folder, String file, String problem) {
        Path dir = data(folder);
        Path named = file == null ? dir : Path.of(dir + file);
        DataFormatException e = assertDataError(named, problem, () -> DataSetLoader.load(dir));
        if (folder.equals("idx-count-mismatch")) {
            assertTrue(e.getMessage().contains("train-labels-idx1-ubyte holds 2 labels"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-f64.npz", "valid-f32.npz", "valid-big-endian.npz"})
    void loadsTheOriginalProgramsNpz(String name) throws Exception {
        MnistData d = DataSetLoader.load(data("npz/" + name));
        assertEquals(3, d.training().size());
        assertEquals(1, d.validation().size());
        assertEquals(2, d.test().size());
        assertEquals(4, d.training().rows());
        assertEquals(4, d.training().cols());
        assertEquals(5, d.training().label(0));
        assertEquals(1, d.validation().label(0));
        assertEquals(2, d.test().label(1));
        for (int k = 0; k < 16; k++) {
            assertEquals(16 + k, d.training().pixel(1, k), "round(v * 255) must restore the byte");
            assertEquals(4 * 16 + k, d.test().pixel(0, k));
        }
    }

    @Test
    void loadsFlatImagesWithDigitLabelsAndNoOtherSets() throws Exception {
        MnistData d = DataSetLoader.load(data("npz/training-only.npz"));
        assertEquals(3, d.training().size());
        assertEquals(4, d.training().label(2));
        assertTrue(d.validation().isEmpty());
        assertTrue(d.test().isEmpty());
        assertEquals(4, d.test().rows());
    }

    @Test
    void loadsSquareUint8Images() throws Exception {
        MnistData d = DataSetLoader.load(data("npz/uint8-28x28.npz"));
        assertEquals(28, d.training().rows());
        assertEquals(9, d.training().label(1));
        assertEquals((784 + 5) % 256, d.training().pixel(1, 5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing-training-labels.npz | training_labels missing",
        "validation-without-labels.npz | validation_labels missing",
        "not-square.npz | training_images holds images of 15 pixels, not a square number",
        "wrong-image-rank.npz | training_images has shape (3, 2, 8, 1), expected (N, 784, 1), (N, 784) or (N, 28, 28)",
        "wrong-label-shape.npz | training_labels has shape (3, 9, 1), expected one-hot rows",
        "out-of-range.npz | training_images: value 1.5 of image 1 is outside [0, 1]",
        "not-one-hot.npz | training_labels: row 2 is not one-hot",
        "count-mismatch.npz | training_images holds 3 images but training_labels holds 2 labels",
        "fortran.npz | training_images.npy: the array is in Fortran order",
        "size-mismatch.npz | test_images are 3x3 but training_images are 4x4",
        "truncated.npz | not a zip (.npz) archive, or a truncated one",
        "not-a-zip.npz | not a zip (.npz) archive, or a truncated one",
    })
    void rejectsBrokenNpz(String name, String problem) {
        Path file = data("npz/" + name);
        assertDataError(file, problem, () -> DataSetLoader.load(file));
    }

    @Test
    void namesAMissingPath() {
        Path nowhere = data("idx").resolve("no-such-thing");
        assertDataError(nowhere, "no such file or folder", () -> DataSetLoader.load(nowhere));
    }
}
