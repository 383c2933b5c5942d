package org.mnistrecognition.preprocess;

import java.nio.file.Path;
import org.mnistrecognition.data.DataFormatException;

/**
 * Thrown when an image file cannot be turned into a {@link GrayImage}: it is missing, empty, not an image,
 * corrupt or truncated, or too large. The message starts with the file, as in
 * {@code "scan.png: not a PNG or JPEG image"}, and is one line whatever the decoder said.
 */
public final class ImageFormatException extends DataFormatException {

    private static final long serialVersionUID = 1L;

    public ImageFormatException(Path file, String problem) {
        super(file, problem);
    }

    public ImageFormatException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
