package org.mnistrecognition;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the program keeps a user's own files, never inside the installation: settings in the
 * platform's configuration folder; models, runs, checkpoints and personal data sets in its data
 * folder.
 *
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_CONFIG_HOME/mnist-recognition} (else
 *       {@code ~/.config/mnist-recognition}) and {@code $XDG_DATA_HOME/mnist-recognition} (else
 *       {@code ~/.local/share/mnist-recognition});</li>
 *   <li>Windows: {@code %APPDATA%\mnist-recognition} for both;</li>
 *   <li>macOS: {@code ~/Library/Application Support/mnist-recognition} for both.</li>
 * </ul>
 * The system property {@value #PROPERTY} puts both under one folder instead (tests, portable use).
 * Nothing here creates a folder: writers create what they need when they first write.
 */
public record UserFolders(Path config, Path data) {
    /** A system property naming one folder to hold the configuration and the data instead. */
    public static final String PROPERTY = "mnist.home";

    private static final String APP = "mnist-recognition";

    /** This user's folders on this platform. */
    public static UserFolders standard() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return new UserFolders(home.resolve("config"), home.resolve("data"));
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("windows")) {
            String appData = System.getenv("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return new UserFolders(base.resolve(APP), base.resolve(APP));
        }
        if (os.startsWith("mac")) {
            Path base = home.resolve("Library").resolve("Application Support").resolve(APP);
            return new UserFolders(base, base);
        }
        return new UserFolders(xdg("XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP),
                xdg("XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve(APP));
    }

    /** The settings file. */
    public Path settings() {
        return config.resolve("settings.json");
    }

    /** The folder where the app offers to open and save models until the user picks another. */
    public Path models() {
        return data.resolve("models");
    }

    /** The folder for checkpoints of runs in progress. */
    public Path checkpoints() {
        return data.resolve("checkpoints");
    }

    /** The folder for the history of training runs (each with its model). */
    public Path runs() {
        return data.resolve("runs");
    }

    /** The folder for the user's own handwriting data set. */
    public Path handwriting() {
        return data.resolve("handwriting");
    }

    private static Path xdg(String variable, Path fallback) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
