package org.mnistrecognition.model;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mnistrecognition.Problems;

/**
 * Replaces a file all at once: the content goes to a temporary file in the same folder, is forced
 * to disk, and is then moved over the target (atomically where the file system can). If anything
 * fails, the temporary file is deleted and the previous target is left as it was.
 * {@link #writeTogether} does the same for files that belong together (an IDX images and labels
 * pair): all of them change, or none.
 */
public final class AtomicFiles {
    /** The temporary files being written or kept aside right now (see {@link #deleteUnfinished}). */
    private static final Set<Path> UNFINISHED = ConcurrentHashMap.newKeySet();

    /**
     * Deletes the temporary files of the writes under way now, so that none is left beside its
     * target when the program ends in the middle of one; the targets are never touched. Call it
     * once nothing should be writing any more: the command line, at the end of its own shutdown
     * hook (which first lets a stopped run save its checkpoint).
     */
    public static void deleteUnfinished() {
        for (Path temp : UNFINISHED) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                System.err.println("cannot delete the unfinished " + temp + ": " + Problems.describe(e));
            }
        }
    }

    /**
     * Runs {@link #deleteUnfinished} when the JVM exits: for the app, whose background writes (a
     * picture being saved when the window closes) end with it; not for a program whose own
     * shutdown hooks still write, since hooks run side by side.
     */
    public static void deleteUnfinishedAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteUnfinished, "unfinished writes"));
    }

    /** Writes content to a stream; it may close the stream or not. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T value) throws IOException;
    }

    /**
     * One file of a change made by {@link #writeTogether}.
     *
     * @param target the file
     * @param writer writes its whole new content; null to delete the file
     */
    public record Change(Path target, IOConsumer<OutputStream> writer) {
        public Change {
            Objects.requireNonNull(target, "target");
        }

        /** {@code target} with the content {@code writer} writes. */
        public static Change write(Path target, IOConsumer<OutputStream> writer) {
            return new Change(target, Objects.requireNonNull(writer, "writer"));
        }

        /** {@code target} deleted (nothing to do if it does not exist). */
        public static Change delete(Path target) {
            return new Change(target, null);
        }
    }

    private AtomicFiles() {
    }

    /**
     * A temporary file is private (rw-------); the file it replaces keeps the permissions it had,
     * and a new one gets the usual rw-r--r--, as if it had been written in place.
     */
    private static void givePermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    /**
     * Writes {@code target} atomically, creating its folder if need be.
     *
     * @param writer writes the whole content to the stream it is given
     * @throws IOException naming {@code target} and the cause, if the content could not be written
     *     or moved into place; the previous {@code target}, if any, is then unchanged
     */
    public static void write(Path target, IOConsumer<OutputStream> writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = written(target, absolute, writer);
        try {
            move(temp, absolute);
        } catch (IOException e) {
            throw failed(target, temp, e);
        } catch (RuntimeException | Error e) {
            delete(temp, e);
            throw e;
        }
    }

    /**
     * Checks, before long work whose result is to go to {@code target}, that it can be written
     * there: makes its folder if need be, then creates and deletes a temporary file beside it.
     * (A disk that fills up meanwhile still fails the write itself.)
     *
     * @throws IOException worded as {@link #write} would word it, naming {@code target} and why
     */
    public static void checkWritable(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + target + ": it is a folder");
        }
        Path temp = written(target, absolute, out -> { });
        try {
            Files.delete(temp);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": cannot delete the test file " + temp + " ("
                    + Problems.reason(e) + ")", e);
        }
        UNFINISHED.remove(temp);
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Changes several files as one: every new content is first written to a temporary file beside
     * its target and forced to disk (where a full disk shows), the files to be replaced or deleted
     * are kept aside (a hard link, or a copy where links are not to be had), and only then is each
     * target replaced or deleted in turn, in the order given. If one of these steps fails, the
     * targets already changed are put back as they were. Only a crash between the steps can leave
     * some files changed and others not.
     *
     * @throws IOException naming the file that could not be written (or deleted) and why; the
     *     previous files are then as they were
     */
    public static void writeTogether(List<Change> changes) throws IOException {
        List<Step> steps = new ArrayList<>();
        try {
            for (Change change : changes) {
                Path absolute = change.target().toAbsolutePath();
                steps.add(new Step(change.target(), absolute,
                        change.writer() == null ? null : written(change.target(), absolute, change.writer())));
            }
            for (Step step : steps) {
                step.keepPrevious();
            }
        } catch (IOException | RuntimeException | Error e) {
            for (Step step : steps) {
                step.discard(e);
            }
            throw e;
        }
        int done = 0;
        try {
            for (; done < steps.size(); done++) {
                steps.get(done).apply();
            }
        } catch (IOException e) {
            List<String> notPutBack = new ArrayList<>();
            for (int i = done - 1; i >= 0; i--) {
                steps.get(i).undo(notPutBack);
            }
            IOException failure = new IOException(steps.get(done).verb() + steps.get(done).target + ": "
                    + Problems.reason(e) + (notPutBack.isEmpty() ? "" : "; " + String.join("; ", notPutBack)), e);
            for (Step step : steps) {
                step.discard(failure);
            }
            throw failure;
        } catch (RuntimeException | Error e) {
            List<String> notPutBack = new ArrayList<>();
            for (int i = done - 1; i >= 0; i--) {
                steps.get(i).undo(notPutBack);
            }
            notPutBack.forEach(line -> e.addSuppressed(new IOException(line)));
            for (Step step : steps) {
                step.discard(e);
            }
            throw e;
        }
        for (Step step : steps) {
            step.discard(null);
        }
    }

    /** One file of {@link #writeTogether}: its new content (null to delete it) and its previous one (null for none). */
    private static final class Step {
        private final Path target;
        private final Path absolute;
        private final Path temp;
        private Path previous;

        Step(Path target, Path absolute, Path temp) {
            this.target = target;
            this.absolute = absolute;
            this.temp = temp;
        }

        /** Keeps the current file under a temporary name (a hard link, else a copy) so that it can be put back. */
        void keepPrevious() throws IOException {
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(verb() + target + ": it is a folder");
            }
            try {
                Path kept = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".old");
                UNFINISHED.add(kept);
                previous = kept;
                Files.delete(kept);
                try {
                    Files.createLink(kept, absolute);
                } catch (IOException | UnsupportedOperationException noLink) {
                    Files.copy(absolute, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
            } catch (IOException e) {
                throw new IOException(verb() + target + ": cannot keep the previous file aside ("
                        + Problems.describe(e) + ")", e);
            }
        }

        /** Puts the new content in place, or deletes the file. */
        void apply() throws IOException {
            if (temp == null) {
                Files.deleteIfExists(absolute);
            } else {
                move(temp, absolute);
            }
        }

        /** {@code "cannot write "} or {@code "cannot delete "}. */
        String verb() {
            return temp == null ? "cannot delete " : "cannot write ";
        }

        /**
         * Puts the previous file back (or removes the new one, if there was none) after a later
         * step failed; if that fails, says so in {@code notPutBack} and leaves the previous file
         * where it was kept.
         */
        void undo(List<String> notPutBack) {
            try {
                if (previous != null) {
                    move(previous, absolute);
                    previous = null;
                } else if (temp != null) {
                    Files.deleteIfExists(absolute);
                }
            } catch (IOException | RuntimeException e) {
                notPutBack.add(previous == null ? "the new " + target + " could not be removed (" + Problems.describe(e) + ")"
                        : "the previous " + target + " could not be put back (" + Problems.describe(e) + "; it is kept as "
                        + previous + ")");
                previous = null;
            }
        }

        /** Deletes the temporary files that are left; a failure is added to {@code failure}, if any. */
        void discard(Throwable failure) {
            for (Path p : new Path[] {temp, previous}) {
                if (p != null) {
                    delete(p, failure);
                }
            }
        }
    }

    /** A temporary file beside {@code absolute} holding what {@code writer} writes, forced to disk, with the target's permissions. */
    private static Path written(Path target, Path absolute, IOConsumer<OutputStream> writer) throws IOException {
        Path dir = absolute.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": cannot create the folder " + dir + " ("
                    + Problems.describe(e) + ")", e);
        }
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            UNFINISHED.add(temp);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": cannot create a temporary file in " + dir + " ("
                    + Problems.describe(e) + ")", e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                writer.accept(Streams.unclosable(out));
                out.flush();
                channel.force(true);
            }
            givePermissions(temp, absolute);
            return temp;
        } catch (IOException e) {
            throw failed(target, temp, e);
        } catch (RuntimeException | Error e) {
            delete(temp, e);
            throw e;
        }
    }

    /** What to throw when writing {@code target} failed with {@code e}: its temporary file deleted, the reason given. */
    private static IOException failed(Path target, Path temp, IOException e) {
        IOException failure = new IOException("cannot write " + target + ": " + Problems.reason(e), e);
        delete(temp, failure);
        return failure;
    }

    /** Moves {@code from} over {@code to}, atomically where the file system can. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        UNFINISHED.remove(from);
    }

    /** Deletes a temporary file after a failure; if that fails too, it is added to {@code failure} (if any) rather than replacing it. */
    private static void delete(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
            UNFINISHED.remove(temp);
        } catch (IOException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
