package org.mnistrecognition.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.ImmutableFile;
import org.mnistrecognition.ReadOnlyFolder;

/** IDX writing read back by the reader, and the personal set kept as an IDX pair. */
class PersonalSetTest {
    @TempDir
    Path dir;

    private static byte[] image(int seed) {
        byte[] b = new byte[784];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((i * 31 + seed * 17) % 256);
        }
        return b;
    }

    @Test
    void idxFilesReadBackAsWritten() throws Exception {
        byte[] pixels = new byte[3 * 4 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        Path images = dir.resolve("images.idx");
        Path labels = dir.resolve("labels.idx");
        IdxWriter.writeImages(images, 4, 5, pixels);
        IdxWriter.writeLabels(labels, new byte[] {9, 0, 3});
        IdxReader.Images read = IdxReader.readImages(images);
        assertEquals(3, read.count());
        assertEquals(4, read.rows());
        assertEquals(5, read.cols());
        assertArrayEquals(pixels, read.pixels());
        assertArrayEquals(new byte[] {9, 0, 3}, IdxReader.readLabels(labels));
        assertEquals(16 + 60, Files.size(images), "a raw IDX file: 16 header bytes, then the pixels");
        assertEquals(8 + 3, Files.size(labels));
    }

    @Test
    void idxWriterRefusesWhatIdxCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> IdxWriter.writeLabels(dir.resolve("l"), new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> IdxWriter.writeLabels(dir.resolve("l"), new byte[] {10}));
        assertThrows(IllegalArgumentException.class, () -> IdxWriter.writeImages(dir.resolve("i"), 4, 5, new byte[19]));
        assertFalse(Files.exists(dir.resolve("l")));
    }

    @Test
    void anEmptyFolderIsAnEmptySet() throws Exception {
        DataSet set = new PersonalSet(dir.resolve("nothing-yet")).load();
        assertEquals(0, set.size());
        assertEquals(28, set.rows());
    }

    @Test
    void addingAndRemovingDigitsIsSavedAndReadBack() throws Exception {
        Path folder = dir.resolve("handwriting");
        PersonalSet store = new PersonalSet(folder);
        DataSet set = store.load();
        set = store.add(set, image(1), 3);
        set = store.add(set, image(2), 7);
        set = store.add(set, image(3), 0);
        assertTrue(Files.isRegularFile(folder.resolve(PersonalSet.IMAGES)));
        DataSet read = new PersonalSet(folder).load();
        assertEquals(3, read.size());
        assertEquals(7, read.label(1));
        assertArrayEquals(image(2), Arrays.copyOfRange(read.pixels(), 784, 2 * 784));

        DataSet fewer = store.remove(read, 1);
        DataSet again = store.load();
        assertEquals(2, again.size());
        assertArrayEquals(new byte[] {3, 0}, again.labels());
        assertArrayEquals(image(3), Arrays.copyOfRange(again.pixels(), 784, 2 * 784));
        assertArrayEquals(fewer.pixels(), again.pixels());

        store.remove(store.remove(again, 0), 0);
        assertEquals(0, store.load().size());
        assertFalse(Files.exists(folder.resolve(PersonalSet.LABELS)), "no files for an empty set");
    }

    @Test
    void aMismatchedPairIsReportedNamingTheFiles() throws Exception {
        Path folder = dir.resolve("handwriting");
        PersonalSet store = new PersonalSet(folder);
        store.add(store.add(store.load(), image(1), 1), image(2), 2);
        IdxWriter.writeLabels(folder.resolve(PersonalSet.LABELS), new byte[] {1});
        DataFormatException e = assertThrows(DataFormatException.class, store::load);
        assertTrue(e.getMessage().contains(PersonalSet.IMAGES) && e.getMessage().contains("holds 2 images but")
                && e.getMessage().contains("1 labels"), e.getMessage());

        Files.delete(folder.resolve(PersonalSet.LABELS));
        e = assertThrows(DataFormatException.class, store::load);
        assertEquals(folder + ": has " + PersonalSet.IMAGES + " but no " + PersonalSet.LABELS, e.getMessage());
    }

    @Test
    void refusesADigitOfTheWrongSizeOrLabel() throws Exception {
        PersonalSet store = new PersonalSet(dir);
        DataSet set = store.load();
        assertThrows(IllegalArgumentException.class, () -> store.add(set, new byte[100], 1));
        assertThrows(IllegalArgumentException.class, () -> store.add(set, image(1), 10));
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertSameSet(DataSet expected, DataSet actual) {
        assertEquals(expected.size(), actual.size());
        assertArrayEquals(expected.pixels(), actual.pixels());
        assertArrayEquals(expected.labels(), actual.labels());
    }

    /**
     * The labels file cannot be replaced (immutable), so the change fails after the images were
     * moved into place: the images are put back and the set loads as it was, with one message
     * naming the labels file. Before the pair was written together, the images stayed new and the
     * set no longer loaded ("holds 3 images but 2 labels").
     */
    @Test
    void aDigitThatCannotBeSavedLeavesTheSetAsItWas() throws Exception {
        Path folder = dir.resolve("handwriting");
        PersonalSet store = new PersonalSet(folder);
        DataSet before = store.add(store.add(store.load(), image(1), 1), image(2), 2);
        Path labels = folder.resolve(PersonalSet.LABELS);
        IOException added;
        IOException removed;
        try (ImmutableFile locked = ImmutableFile.orSkip(labels)) {
            added = assertThrows(IOException.class, () -> store.add(before, image(3), 3));
            removed = assertThrows(IOException.class, () -> store.remove(before, 0));
        }
        assertEquals("cannot write " + labels + ": Operation not permitted", added.getMessage());
        assertEquals("cannot write " + labels + ": Operation not permitted", removed.getMessage());
        assertSameSet(before, store.load());
        assertEquals(List.of(PersonalSet.IMAGES, PersonalSet.LABELS), filesIn(folder), "no temporary file is left");

        DataSet one = store.remove(before, 0);
        IOException emptied;
        try (ImmutableFile locked = ImmutableFile.of(labels).orElseThrow()) {
            emptied = assertThrows(IOException.class, () -> store.remove(one, 0));
        }
        assertEquals("cannot delete " + labels + ": Operation not permitted", emptied.getMessage(),
                "the last digit removed: both files are deleted, or neither");
        assertSameSet(one, store.load());
        assertEquals(List.of(PersonalSet.IMAGES, PersonalSet.LABELS), filesIn(folder));
    }

    @Test
    void aReadOnlyFolderLeavesTheSetAsItWasAndSaysWhy() throws Exception {
        Path folder = dir.resolve("handwriting");
        PersonalSet store = new PersonalSet(folder);
        DataSet before = store.add(store.load(), image(1), 1);
        IOException e;
        try (ReadOnlyFolder locked = ReadOnlyFolder.orSkip(folder)) {
            e = assertThrows(IOException.class, () -> store.add(before, image(2), 2));
            assertThrows(IOException.class, () -> store.remove(before, 0));
        }
        assertTrue(e.getMessage().startsWith("cannot write " + folder.resolve(PersonalSet.IMAGES) + ": "), e.getMessage());
        assertSameSet(before, store.load());
        assertEquals(List.of(PersonalSet.IMAGES, PersonalSet.LABELS), filesIn(folder));
    }
}
