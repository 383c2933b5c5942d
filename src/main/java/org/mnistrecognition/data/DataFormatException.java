package org.mnistrecognition.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data or model file that cannot be read as what it claims to be. The message always names the
 * file and the problem, {@code "<file>: <problem>"}, so it can be shown to users as it is.
 */
public class DataFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file at fault (a folder for a missing member). */
    private final transient Path file;
    /** The problem without the file name. */
    private final String problem;

    public DataFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    /** Keeps {@code cause} (a {@code ZipException}, {@code EOFException}...) for logs, not for users. */
    public DataFormatException(Path file, String problem, Throwable cause) {
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
