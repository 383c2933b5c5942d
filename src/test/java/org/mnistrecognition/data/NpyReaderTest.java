package org.mnistrecognition.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistrecognition.data.Fixtures.assertDataError;
import static org.mnistrecognition.data.Fixtures.data;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyReaderTest {
    private static final double[] SMALL = {0, 0.25, 0.5, 0.75, 1, 1.25};

    @ParameterizedTest
    @ValueSource(strings = {"v1.npy", "v2.npy", "v3.npy", "big-endian-f4.npy"})
    void readsEveryHeaderVersionAndByteOrder(String name) throws Exception {
        NpyArray a = NpyReader.read(data("npy/" + name));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals("(2, 3)", a.shapeText());
        assertArrayEquals(SMALL, a.values());
    }

    @Test
    void readsIntegers() throws Exception {
        NpyArray ints = NpyReader.read(data("npy/int64.npy"));
        assertEquals("<i8", ints.dtype());
        assertEquals("(3,)", ints.shapeText());
        assertArrayEquals(new double[] {-3, 0, 7}, ints.values());
        assertArrayEquals(new double[] {0, 128, 255}, NpyReader.read(data("npy/uint8.npy")).values());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fortran.npy | Fortran order",
        "truncated.npy | truncated: shape (2, 3) of <f8 needs 48 bytes of data, found 43",
        "trailing.npy | 4 bytes of trailing data",
        "complex.npy | unsupported dtype '<c16'",
        "bad-header.npy | malformed header",
        "no-shape.npy | malformed header: no 'shape'",
        "not-npy.npy | not a numpy .npy array",
    })
    void rejectsBrokenArrays(String name, String problem) {
        Path file = data("npy/" + name);
        assertDataError(file, problem, () -> NpyReader.read(file));
    }

    @Test
    void npzListsArraysAndNamesEntriesInErrors() throws Exception {
        Path file = data("npz/valid-f64.npz");
        try (NpzReader npz = NpzReader.open(file)) {
            assertEquals(Set.of("training_images", "training_labels", "validation_images", "validation_labels",
                    "test_images", "test_labels"), npz.arrayNames());
            assertTrue(npz.contains("test_labels"));
            assertArrayEquals(new int[] {2, 10, 1}, npz.array("test_labels").shape());
            assertDataError(file, "nothing missing", () -> npz.array("nothing"));
            assertDataError(file, "notes.txt missing", () -> npz.text("notes.txt"));
        }
    }

    @Test
    void npzRejectsCorruptEntriesNamingThem() {
        Path file = data("npz/corrupt-entry.npz");
        DataFormatException e = assertDataError(file, "training_images.npy: ", () -> {
            try (NpzReader npz = NpzReader.open(file)) {
                npz.array("training_images");
            }
        });
        assertTrue(e.problem().startsWith("training_images.npy: "), e.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"npz/truncated.npz", "npz/not-a-zip.npz"})
    void npzRejectsWhatIsNotAZip(String name) {
        Path file = data(name);
        assertDataError(file, "not a zip (.npz) archive, or a truncated one", () -> NpzReader.open(file).close());
    }

    /** An archive holding {@code npy} as its one array, {@code a.npy}, stored (not deflated), so its bytes can be changed in place. */
    private static byte[] storedNpz(byte[] npy) throws Exception {
        CRC32 crc = new CRC32();
        crc.update(npy);
        ZipEntry entry = new ZipEntry("a.npy");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(npy.length);
        entry.setCompressedSize(npy.length);
        entry.setCrc(crc.getValue());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(entry);
            zip.write(npy);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void npzRejectsAFlippedBitThatTheArrayFormatCannotSee(@TempDir Path dir) throws Exception {
        byte[] npy = Files.readAllBytes(data("npy/v1.npy"));
        byte[] archive = storedNpz(npy);
        Path intact = Files.write(dir.resolve("intact.npz"), archive);
        try (NpzReader npz = NpzReader.open(intact)) {
            assertArrayEquals(SMALL, npz.array("a").values());
        }
        int at = indexOf(archive, npy) + npy.length - 1;
        archive[at] ^= 0x10;
        Path flipped = Files.write(dir.resolve("flipped.npz"), archive);
        assertDataError(flipped, "a.npy: corrupt data (its CRC-32 is not the one the archive records)", () -> {
            try (NpzReader npz = NpzReader.open(flipped)) {
                npz.array("a");
            }
        });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
