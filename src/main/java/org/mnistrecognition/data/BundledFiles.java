package org.mnistrecognition.data;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the files shipped in the project's {@code data/} folder, wherever the program runs from.
 * A path is looked for, in order:
 * <ol>
 *   <li>in the system property given, if set (taken as it is, existing or not);
 *   <li>relative to the program's installation: in each of the four folders up from the jar (or
 *       classes folder) holding this class, and up from the native launcher of a jpackage image
 *       (system property {@code jpackage.app-path}), as {@code <folder>/<path>} or
 *       {@code <folder>/lib/<path>} (from the source tree, the project's root is two folders up
 *       from {@code target/classes});
 *   <li>relative to the working directory.
 * </ol>
 * An installed program so reads its own files wherever it is started from, even in a folder that
 * holds other files by the same names. If none exists, the working-directory path is returned, so
 * that the error reading it names it.
 */
public final class BundledFiles {
    private static final int LEVELS = 4;

    private BundledFiles() {
    }

    /**
     * Resolves a bundled file or folder.
     *
     * @param property the system property that overrides the search, e.g. {@code "mnist.data"}
     * @param relative the path below the installation, e.g. {@code "data/mnist"}
     */
    public static Path resolve(String property, String relative) {
        String override = System.getProperty(property);
        if (override != null && !override.isBlank()) {
            return Path.of(override.strip());
        }
        for (Path candidate : candidates(relative)) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of(relative);
    }

    /** Every place {@link #resolve} looks, after the system property, in order. */
    public static List<Path> candidates(String relative) {
        List<Path> result = new ArrayList<>();
        for (Path start : installationPaths()) {
            Path dir = start;
            for (int level = 0; level < LEVELS && dir != null; level++) {
                result.add(dir.resolve(relative));
                result.add(dir.resolve("lib").resolve(relative));
                dir = dir.getParent();
            }
        }
        result.add(Path.of(relative));
        return result;
    }

    private static List<Path> installationPaths() {
        List<Path> paths = new ArrayList<>();
        CodeSource source = BundledFiles.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location != null && "file".equals(location.getProtocol())) {
            Path p = toPath(location);
            if (p != null) {
                paths.add(Files.isDirectory(p) ? p : p.getParent());
            }
        }
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null) {
            try {
                paths.add(Path.of(launcher).toAbsolutePath().getParent());
            } catch (InvalidPathException e) {
                // a launcher path this file system cannot express: nothing to walk up from
            }
        }
        paths.removeIf(p -> p == null);
        return paths;
    }

    /** The absolute path of a {@code file:} URL, or null if it has none. */
    private static Path toPath(URL location) {
        try {
            return Path.of(location.toURI()).toAbsolutePath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
