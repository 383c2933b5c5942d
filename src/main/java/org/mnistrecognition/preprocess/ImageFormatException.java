package org.mnistrecognition.preprocess;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when an image file cannot be turned into a {@link GrayImage}: it is missing, empty, not an image,
 * corrupt or truncated, or too large. The message starts with the file, as in
 * {@code "scan.png: not a PNG or JPEG image"}.
 */
public final class ImageFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ImageFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ImageFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
