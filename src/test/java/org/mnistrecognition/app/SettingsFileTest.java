package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.app.training.TrainingSettings;
import org.mnistrecognition.data.DataFormatException;

/** The settings file: round trips, and never stops the app. */
class SettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTrip() throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("config/mnist-recognition/settings.json"));
        AppSettings settings = new AppSettings(new WindowPlacement(10, 20, 1200, 700, false), 0.55,
                new TrainingSettings("best", "784,400,200,10", "relu", "softmax", "cross-entropy", "0.05", "64", "20",
                        "EPOCHS", "3"), "PER_SECOND_10", true, false, "/tmp");
        file.save(settings);
        assertEquals(settings, file.load());
    }

    @Test
    void missingOrBrokenFilesGiveTheDefaults() throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        assertEquals(AppSettings.defaults(), file.load());
        Files.writeString(file.path(), "{ not json");
        assertEquals(AppSettings.defaults(), file.load());
    }

    /** {@link SettingsFile#load} with what it says on stderr. */
    private static String warningLoading(SettingsFile file) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(AppSettings.defaults(), file.load());
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Wrong types and numbers too large come back as the defaults with one line naming the file. */
    @Test
    void settingsOfTheWrongTypeGiveTheDefaultsAndSayWhy() throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        Files.writeString(file.path(), "{\"window\": {\"x\": \"left\"}, \"speed\": \"FULL\"}");
        assertEquals("warning: ignoring the settings, using the defaults: " + file.path()
                + ": not a settings file (expected a number at $.window.x)\n", warningLoading(file));
        Files.writeString(file.path(), "{\"window\": {\"x\": 1, \"maximized\": 3}}");
        DataFormatException e = assertThrows(DataFormatException.class, file::read);
        assertEquals(file.path() + ": not a settings file (Expected a boolean but was a number at line 1 column 35"
                + " path $.window.maximized)", e.getMessage());
        Files.writeString(file.path(), "[]");
        assertTrue(assertThrows(DataFormatException.class, file::read).getMessage()
                .startsWith(file.path() + ": not a settings file (Expected an object but was a list"));
    }

    /** A 2 GB file (sparse: nothing is written) is refused before it is read. */
    @Test
    void aHugeFileIsRefusedUnread() throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        try (RandomAccessFile f = new RandomAccessFile(file.path().toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        assertEquals("warning: ignoring the settings, using the defaults: " + file.path()
                + ": is 2,147,483,648 bytes, more than a settings file can be (1,048,576)\n", warningLoading(file));
    }

    /** Values the app cannot use are the defaults', the others are kept. */
    @Test
    void unusableValuesAreReplacedByTheDefaults() throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        Files.writeString(file.path(), "{\"window\": {\"x\": 10, \"y\": 20, \"width\": Infinity, \"height\": 700},"
                + " \"divider\": NaN, \"speed\": \"PER_SECOND_10\", \"lastFolder\": \"/tmp/a\\u0000b\"}");
        AppSettings s = file.read();
        assertNull(s.window());
        assertEquals(AppSettings.defaults().divider(), s.divider());
        assertEquals("", s.lastFolder());
        assertEquals("PER_SECOND_10", s.speed());
    }
}
