package org.mnistrecognition.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.mnistrecognition.Problems;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.model.AtomicFiles;
import org.mnistrecognition.model.JsonFiles;

/**
 * The settings file, {@code settings.json} in the user's configuration folder
 * ({@link UserFolders#settings()}; the system property {@value #PROPERTY} overrides the file),
 * written atomically. A missing or unreadable file means the defaults (with a warning naming the
 * file and the problem): settings never stop the app from starting.
 */
public final class SettingsFile {
    /** A system property naming the settings file to use instead. */
    public static final String PROPERTY = "mnist.settings";

    /** The largest settings file read, in bytes (the app writes well under a kilobyte). */
    public static final int MAX_BYTES = 1 << 20;

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

    /**
     * The saved settings, or the defaults if there are none or they cannot be read (then with a
     * warning on stderr naming the file and the problem).
     */
    public AppSettings load() {
        if (!Files.isRegularFile(file)) {
            return AppSettings.defaults();
        }
        try {
            return read();
        } catch (IOException e) {
            System.err.println("warning: ignoring the settings, using the defaults: " + Problems.describe(e));
            return AppSettings.defaults();
        }
    }

    /**
     * Reads the settings. Values the app cannot use (a window at infinity, a folder name no path
     * can hold) are replaced by the defaults'; the app checks the rest as it restores them.
     *
     * @throws org.mnistrecognition.data.DataFormatException naming the file, if it is larger than
     *     {@value #MAX_BYTES} bytes or is not settings
     * @throws IOException naming the file, if it cannot be read
     */
    public AppSettings read() throws IOException {
        AppSettings s = JsonFiles.read(file, GSON, AppSettings.class, MAX_BYTES, "settings file");
        AppSettings defaults = AppSettings.defaults();
        WindowPlacement w = s.window();
        boolean windowUsable = w == null || Double.isFinite(w.x()) && Double.isFinite(w.y()) && Double.isFinite(w.width())
                && Double.isFinite(w.height());
        return new AppSettings(windowUsable ? w : null, Double.isFinite(s.divider()) ? s.divider() : defaults.divider(),
                s.training(), s.speed(), s.mistakesOnly(), s.follow(),
                isPath(s.lastFolder()) ? s.lastFolder() : defaults.lastFolder());
    }

    private static boolean isPath(String name) {
        if (name == null) {
            return false;
        }
        try {
            Path.of(name);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Saves the settings atomically, creating the folder. */
    public void save(AppSettings settings) throws IOException {
        AtomicFiles.write(file, (GSON.toJson(settings) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
