package org.mnistrecognition.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.ImmutableFile;
import org.mnistrecognition.JavaProcess;
import org.mnistrecognition.ReadOnlyFolder;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesANewFileAndReplacesAnOldOne() throws Exception {
        Path target = dir.resolve("out.txt");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, out -> {
            out.write("second".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aMissingFolderIsCreated() throws Exception {
        Path target = dir.resolve("a").resolve("b").resolve("settings.json");
        AtomicFiles.write(target, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("{}", java.nio.file.Files.readString(target));
    }

    @Test
    void aNewFileIsReadableByOthersAndAReplacedOneKeepsItsPermissions() throws Exception {
        Path fresh = dir.resolve("fresh.bin");
        AtomicFiles.write(fresh, new byte[] {1});
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(fresh, new byte[] {2});
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void aWriterFailingMidwayLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("model.npz");
        Files.writeString(target, "previous");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aRuntimeFailureAlsoLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("model.npz");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of(), files());
    }

    @Test
    void anUnwritableFolderGivesAnErrorNamingTheFile() throws Exception {
        Path notADir = dir.resolve("plain-file");
        Files.writeString(notADir, "x");
        Path target = notADir.resolve("model.npz");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1}));
        assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
        assertEquals("x", Files.readString(notADir));
    }

    @Test
    void aFolderThatCannotBeMadeSaysWhy() throws Exception {
        Path notADir = dir.resolve("plain-file");
        Files.writeString(notADir, "x");
        Path target = notADir.resolve("model.npz");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1}));
        assertEquals("cannot write " + target + ": cannot create the folder " + notADir + " (" + notADir
                + ": already exists)", e.getMessage());
    }

    /**
     * The folder turns read-only while the content is written and the write then fails: the
     * temporary file cannot be deleted, and that is added to the failure rather than replacing it.
     */
    @Test
    void aTemporaryFileThatCannotBeDeletedDoesNotHideWhyTheWriteFailed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out"));
        Path target = folder.resolve("model.npz");
        Files.writeString(target, "previous");
        ReadOnlyFolder.orSkip(folder).close();
        ReadOnlyFolder[] readOnly = new ReadOnlyFolder[1];
        try {
            IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
                out.write(new byte[1000]);
                try {
                    readOnly[0] = ReadOnlyFolder.of(folder).orElseThrow();
                } catch (InterruptedException interrupted) {
                    throw new IOException(interrupted);
                }
                throw new IOException("No space left on device");
            }));
            assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
            assertEquals(1, e.getSuppressed().length, "the failed deletion is kept beside it: " + Arrays.toString(e.getSuppressed()));
        } finally {
            if (readOnly[0] != null) {
                readOnly[0].close();
            }
        }
        assertEquals("previous", Files.readString(target));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    private static AtomicFiles.Change text(Path file, String text) {
        return AtomicFiles.Change.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void filesWrittenTogetherAreAllReplacedAndNothingElseIsLeft() throws Exception {
        Path images = write(dir.resolve("images"), "old images");
        Files.setPosixFilePermissions(images, PosixFilePermissions.fromString("rw-rw----"));
        Path labels = dir.resolve("labels");
        AtomicFiles.writeTogether(List.of(text(images, "new images"), text(labels, "new labels")));
        assertEquals("new images", Files.readString(images));
        assertEquals("new labels", Files.readString(labels));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(images)));
        assertEquals(List.of(images, labels), files());

        AtomicFiles.writeTogether(List.of(AtomicFiles.Change.delete(images), AtomicFiles.Change.delete(labels),
                AtomicFiles.Change.delete(dir.resolve("never-there"))));
        assertEquals(List.of(), files());
    }

    /** The second file's content fails (a full disk) while the first was written whole: neither changes. */
    @Test
    void whenTheSecondFileCannotBeWrittenNeitherChanges() throws Exception {
        Path images = write(dir.resolve("images"), "old images");
        Path labels = write(dir.resolve("labels"), "old labels");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeTogether(List.of(text(images, "new images"),
                AtomicFiles.Change.write(labels, out -> {
                    out.write(new byte[5000]);
                    throw new IOException("No space left on device");
                }))));
        assertEquals("cannot write " + labels + ": No space left on device", e.getMessage());
        assertEquals("old images", Files.readString(images));
        assertEquals("old labels", Files.readString(labels));
        assertEquals(List.of(images, labels), files(), "no temporary file is left");
    }

    @Test
    void whenTheSecondOfTwoNewFilesCannotBeWrittenNeitherIsCreated() throws Exception {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        assertThrows(IOException.class, () -> AtomicFiles.writeTogether(List.of(text(images, "new images"),
                AtomicFiles.Change.write(labels, out -> {
                    throw new IOException("No space left on device");
                }))));
        assertEquals(List.of(), files());
    }

    /**
     * The second file cannot be replaced (it is immutable, so the move that puts its new content
     * in place fails after the first file was replaced): the first is put back as it was.
     */
    @Test
    void whenTheSecondFileCannotBeMovedIntoPlaceTheFirstIsPutBack() throws Exception {
        Path images = write(dir.resolve("images"), "old images");
        Path labels = write(dir.resolve("labels"), "old labels");
        IOException e;
        try (ImmutableFile locked = ImmutableFile.orSkip(labels)) {
            e = assertThrows(IOException.class, () -> AtomicFiles.writeTogether(List.of(text(images, "new images"),
                    text(labels, "new labels"))));
        }
        assertTrue(e.getMessage().startsWith("cannot write " + labels + ": "), e.getMessage());
        assertEquals("old images", Files.readString(images), "the first file is put back");
        assertEquals("old labels", Files.readString(labels));
        assertEquals(List.of(images, labels), files(), "no temporary or kept file is left");

        Path created = dir.resolve("created");
        try (ImmutableFile locked = ImmutableFile.of(labels).orElseThrow()) {
            assertThrows(IOException.class, () -> AtomicFiles.writeTogether(List.of(text(created, "new"),
                    text(labels, "new labels"))));
        }
        assertFalse(Files.exists(created), "a file that was not there before is removed again");
    }

    @Test
    void whenTheSecondFileCannotBeDeletedTheFirstIsPutBack() throws Exception {
        Path images = write(dir.resolve("images"), "old images");
        Path labels = write(dir.resolve("labels"), "old labels");
        IOException e;
        try (ImmutableFile locked = ImmutableFile.orSkip(labels)) {
            e = assertThrows(IOException.class, () -> AtomicFiles.writeTogether(List.of(AtomicFiles.Change.delete(images),
                    AtomicFiles.Change.delete(labels))));
        }
        assertTrue(e.getMessage().startsWith("cannot delete " + labels + ": "), e.getMessage());
        assertEquals("old images", Files.readString(images));
        assertEquals(List.of(images, labels), files());
    }

    @Test
    void aFolderInTheWayOfTheSecondFileChangesNothing() throws Exception {
        Path images = write(dir.resolve("images"), "old images");
        Path labels = Files.createDirectory(dir.resolve("labels"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeTogether(List.of(text(images, "new images"),
                text(labels, "new labels"))));
        assertEquals("cannot write " + labels + ": it is a folder", e.getMessage());
        assertEquals("old images", Files.readString(images));
        assertEquals(List.of(images, labels), files());
    }

    @Test
    void aWriteCutShortByTheJvmExitingLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("settings.json"), "previous");
        Path log = dir.resolve("exit.log");
        Process jvm = JavaProcess.start(JavaProcess.command(UnfinishedWrite.class, List.of(), target.toString()), log);
        int exit = JavaProcess.finish(jvm, log, Duration.ofSeconds(60));
        String output = JavaProcess.read(log);
        assertTrue(exit == 0, output);
        assertTrue(output.matches("(?s)while writing: \\.settings\\.json\\d+\\.tmp exit\\.log settings\\.json\\s*"), output);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals("exit.log settings.json", files.map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.joining(" ")));
        }
        assertEquals("previous", Files.readString(target));
    }
}
