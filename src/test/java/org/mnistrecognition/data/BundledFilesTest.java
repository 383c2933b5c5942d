package org.mnistrecognition.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BundledFilesTest {
    private static final String PROPERTY = "mnist.test.bundled";

    @AfterEach
    void clearProperty() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void theSystemPropertyWins() {
        System.setProperty(PROPERTY, "/somewhere/else");
        assertEquals(Path.of("/somewhere/else"), BundledFiles.resolve(PROPERTY, "data/mnist"));
    }

    @Test
    void findsTheProjectsDataFolder() {
        Path found = BundledFiles.resolve(PROPERTY, "data/mnist");
        assertTrue(Files.isDirectory(found), found.toString());
        assertTrue(Files.exists(found.resolve("train-images-idx3-ubyte.gz")));
    }

    @Test
    void looksNearTheInstallationAndFallsBackToTheWorkingDirectory() {
        assertTrue(BundledFiles.candidates("data/mnist").size() > 2, "should look beside the classes too");
        assertEquals(Path.of("data/no-such-file"), BundledFiles.resolve(PROPERTY, "data/no-such-file"));
    }

    @Test
    void theInstallationsFilesComeBeforeTheWorkingDirectorys() {
        List<Path> candidates = BundledFiles.candidates("data/mnist");
        assertEquals(Path.of("data/mnist"), candidates.get(candidates.size() - 1), "the working directory is the last resort");
        candidates.subList(0, candidates.size() - 1)
                .forEach(c -> assertTrue(c.isAbsolute(), c + " should be near the installation"));
    }
}
