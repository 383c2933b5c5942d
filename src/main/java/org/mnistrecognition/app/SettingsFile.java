package org.mnistrecognition.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.model.AtomicFiles;

/**
 * The settings file, {@code settings.json} in the user's configuration folder
 * ({@link UserFolders#settings()}; the system property {@value #PROPERTY} overrides the file),
 * written atomically. A missing or
 * unreadable file means the defaults: settings never stop the app from starting.
 */
public final class SettingsFile {
    /** A system property naming the settings file to use instead. */
    public static final String PROPERTY = "mnist.settings";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    /** The user's settings file. */
    public static SettingsFile standard() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return new SettingsFile(Path.of(override));
        }
        return new SettingsFile(UserFolders.standard().settings());
    }

    public Path path() {
        return file;
    }

    /** The saved settings, or the defaults if there are none or they cannot be read. */
    public AppSettings load() {
        if (!Files.isRegularFile(file)) {
            return AppSettings.defaults();
        }
        try {
            AppSettings s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), AppSettings.class);
            return s == null ? AppSettings.defaults() : s;
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            System.err.println("warning: ignoring the settings in " + file + ": " + e.getMessage());
            return AppSettings.defaults();
        }
    }

    /** Saves the settings atomically, creating the folder. */
    public void save(AppSettings settings) throws IOException {
        AtomicFiles.write(file, (GSON.toJson(settings) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
