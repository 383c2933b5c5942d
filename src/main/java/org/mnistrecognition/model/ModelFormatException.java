package org.mnistrecognition.model;

import java.nio.file.Path;
import org.mnistrecognition.data.DataFormatException;

/**
 * A file that is not a readable model. The message always names the file and the problem,
 * {@code "<file>: <problem>"}, so it can be shown to users as it is.
 */
public final class ModelFormatException extends DataFormatException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(Path file, String problem) {
        super(file, problem);
    }

    /** Keeps {@code cause} for logs, not for users. */
    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
