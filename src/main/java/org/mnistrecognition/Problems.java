package org.mnistrecognition;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * How the program words a failure for a person, in the command line and the app alike: one line,
 * the file and the problem, never an exception's class name or stack trace.
 */
public final class Problems {
    private Problems() {
    }

    /** One line for {@code e}: the first message in its chain of causes, in plain words. */
    public static String describe(Throwable e) {
        return words(speaker(e));
    }

    /**
     * {@link #describe} without the file a file-system failure names, for a message that names the
     * file itself: {@code permission denied}, not {@code /x/y.npz: permission denied}.
     */
    public static String reason(Throwable e) {
        Throwable t = speaker(e);
        String line = words(t);
        if (t instanceof FileSystemException f && f.getFile() != null && line.startsWith(f.getFile() + ": ")) {
            return line.substring(f.getFile().length() + 2);
        }
        return line;
    }

    /** The first throwable in {@code e}'s chain of causes with something of its own to say. */
    private static Throwable speaker(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && saysNothingOfItsOwn(t)) {
            t = t.getCause();
        }
        return t;
    }

    /** What {@code t} itself says, in plain words. */
    private static String words(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (give Java more with -Xmx)";
        }
        if (t instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file";
        }
        if (t instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (t instanceof FileAlreadyExistsException f && f.getReason() == null) {
            return f.getFile() + ": already exists";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.replace('\n', ' ');
    }

    /** No message, or only its cause's {@code toString()} (what {@code new Exception(cause)} gets). */
    private static boolean saysNothingOfItsOwn(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() || message.equals(t.getCause().toString());
    }
}
