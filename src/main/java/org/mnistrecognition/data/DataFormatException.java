package org.mnistrecognition.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

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
        super(file + ": " + oneLine(problem), cause);
        this.file = file;
        this.problem = oneLine(problem);
    }

    /** The problem on one line: control characters (a newline read from a broken file) written as escapes. */
    private static String oneLine(String problem) {
        StringBuilder b = new StringBuilder(problem.length());
        for (int i = 0; i < problem.length(); i++) {
            char c = problem.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (Character.isISOControl(c)) {
                b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    public Path file() {
        return file;
    }

    /** The problem alone, without the file name. */
    public String problem() {
        return problem;
    }
}
