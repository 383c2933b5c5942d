package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class TextsTest {
    private static final Path HOME = Path.of(System.getProperty("user.home")).toAbsolutePath();

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFolderInTheHomeFolderIsWrittenWithATilde() {
        assertEquals("~/.local/share/mnist-recognition/runs",
                Texts.folder(HOME.resolve(".local").resolve("share").resolve("mnist-recognition").resolve("runs")));
    }

    @Test
    void otherFoldersAndTheHomeFolderItselfAreWrittenWhole() {
        Path elsewhere = HOME.getRoot().resolve("srv").resolve("runs");
        assertEquals(elsewhere.toString(), Texts.folder(elsewhere));
        assertEquals(HOME.toString(), Texts.folder(HOME));
        Path sibling = HOME.resolveSibling(HOME.getFileName() + "-other").resolve("runs");
        assertEquals(sibling.toString(), Texts.folder(sibling));
    }
}
