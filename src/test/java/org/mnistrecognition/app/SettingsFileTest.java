package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.app.training.TrainingSettings;

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
}
