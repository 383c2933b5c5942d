package org.mnistrecognition.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not a readable model. The message always names the file and the problem,
 * {@code "<file>: <problem>"}, so it can be shown to users as it is.
 */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public ModelFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    /** Keeps {@code cause} for logs, not for users. */
    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The problem alone, without the file name. */
    public String problem() {
        return problem;
    }
}
