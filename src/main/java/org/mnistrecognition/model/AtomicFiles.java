package org.mnistrecognition.model;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.mnistrecognition.Problems;

/**
 * Replaces a file all at once: the content goes to a temporary file in the same folder, is flushed
 * to disk, and is then moved over the target (atomically where the file system can). If anything
 * fails, the temporary file is deleted and the previous target is left as it was.
 */
public final class AtomicFiles {

    /** Writes content to a stream; it may close the stream or not. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T value) throws IOException;
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
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": cannot create a temporary file in " + dir + " ("
                    + Problems.describe(e) + ")", e);
        }
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                writer.accept(Streams.unclosable(out));
                out.flush();
                channel.force(true);
            }
            givePermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + Problems.describe(e), e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

}
