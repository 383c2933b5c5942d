package org.mnistrecognition.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnistrecognition.data.Fixtures.assertDataError;
import static org.mnistrecognition.data.Fixtures.data;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"images-4x5.idx", "images-4x5.idx.gz"})
    void readsImagesRawOrGzipped(String name) throws Exception {
        IdxReader.Images images = IdxReader.readImages(data(name));
        assertEquals(3, images.count());
        assertEquals(4, images.rows());
        assertEquals(5, images.cols());
        assertEquals(60, images.pixels().length);
        for (int k = 0; k < 60; k++) {
            assertEquals(k * 4 % 256, images.pixels()[k] & 0xFF, "pixel " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"labels.idx", "labels.idx.gz"})
    void readsLabelsRawOrGzipped(String name) throws Exception {
        assertArrayEquals(new byte[] {5, 0, 4}, IdxReader.readLabels(data(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"images-4x5.idx", "images-4x5.idx.gz"})
    void readsInParts(String name) throws Exception {
        try (IdxReader idx = IdxReader.openImages(data(name))) {
            byte[] first = idx.read(2);
            byte[] rest = idx.read(1);
            idx.finish();
            assertEquals(40, first.length);
            assertEquals(20, rest.length);
            assertEquals(40 * 4 % 256, rest[0] & 0xFF);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-magic.idx | not an IDX images file: magic number 0x00001234, expected 0x00000803",
        "two-dims.idx | IDX images need 3 dimensions, the header has 2",
        "labels.idx | holds IDX labels (magic number 0x00000801), expected images",
        "truncated-data.idx | truncated: expected 3 images of 4x5, found 2 and part of another",
        "truncated-data.idx.gz | truncated: expected 3 images of 4x5, found 2 and part of another",
        "truncated-header.idx | truncated header: 10 bytes, expected at least 16",
        "empty.idx | the file is empty",
        "zero-rows.idx | dimension 2 of the header is 0, must be positive",
        "huge-count.idx | header claims 2,147,483,647 images, more than the 10,000,000 this program reads",
        "huge-count.idx.gz | header claims 2,147,483,647 images, more than the 10,000,000",
        "million-images.idx | truncated: expected 1000000 images of 28x28, found 0 and part of another",
        "million-images.idx.gz | truncated: expected 1000000 images of 28x28, found 0 and part of another",
        "huge-image.idx | header claims images of 2000x2000, more than the 1,000,000 pixels",
        "not-gzip.idx.gz | not gzip-compressed, despite its .gz name",
        "trailing-bytes.idx | 3 bytes of trailing data after the 3 images",
        "trailing-bytes.idx.gz | 3 bytes of trailing data after the 3 images",
        "cut-gzip.idx.gz | truncated: expected 3 images of 4x5, found 1 and part of another (the gzip stream breaks off)",
    })
    void rejectsBrokenImageFiles(String name, String problem) {
        Path file = data(name);
        assertDataError(file, problem, () -> IdxReader.readImages(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "label-11.idx | label 11 at index 1 is outside 0-9",
        "images-4x5.idx | holds IDX images (magic number 0x00000803), expected labels",
    })
    void rejectsBrokenLabelFiles(String name, String problem) {
        Path file = data(name);
        assertDataError(file, problem, () -> IdxReader.readLabels(file));
    }
}
