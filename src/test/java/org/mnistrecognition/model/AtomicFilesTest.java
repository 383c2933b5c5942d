package org.mnistrecognition.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
