package org.mnistrecognition.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one reader on one input and checks how it ended: a correct read or the reader's own
 * checked error naming the file, never another exception, an error, a hang, or an allocation far
 * beyond what the input can account for. Each read runs on a worker thread so that a hang is
 * caught (the time limit is a guard against hangs, not a speed test) and the bytes the read
 * allocated can be counted. A read over the allocation bound is measured once more before it
 * fails: the first read of its kind also loads classes (which Jazzer instruments as they load),
 * while an allocation a header asked for is asked for again.
 */
final class ReadCheck implements AutoCloseable {
    /** Far longer than any read of these small inputs takes; only a hang reaches it. */
    private static final long HANG_SECONDS = 60;

    /** A reader of a file. */
    @FunctionalInterface
    interface Reader {
        void read(Path file) throws Exception;
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-reader");
        t.setDaemon(true);
        return t;
    });
    private final Path dir;
    private int count;

    private ReadCheck(Path dir) {
        this.dir = dir;
    }

    /** A check that writes its inputs to a temporary folder of its own, deleted when it is closed (a test class's {@code @AutoClose} field). */
    static ReadCheck inTemporaryFolder() {
        try {
            return new ReadCheck(Files.createTempDirectory("fuzz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code bytes} to a file named {@code name} and reads it.
     *
     * @param expected the reader's own error type; its message must start with the file
     * @param allocationLimit the most bytes the read may allocate
     * @return the error, or null for a read that succeeded
     */
    IOException check(String name, byte[] bytes, Reader reader, Class<? extends IOException> expected, long allocationLimit)
            throws Exception {
        Path file = dir.resolve((count++ % 64) + "-" + name);
        Files.write(file, bytes);
        Outcome outcome;
        try {
            outcome = read(file, name, bytes, reader);
            if (outcome.allocated() > allocationLimit) {
                // the first read of its kind loads classes (which Jazzer instruments): measure again
                outcome = read(file, name, bytes, reader);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Throwable thrown = outcome.thrown();
        long allocated = outcome.allocated();
        if (allocated > allocationLimit) {
            keep(name, bytes);
            fail("reading " + bytes.length + " bytes allocated " + allocated + " bytes, more than " + allocationLimit
                    + (thrown == null ? "" : " (and ended with " + thrown + ")"));
        }
        if (thrown == null) {
            return null;
        }
        if (!expected.isInstance(thrown)) {
            keep(name, bytes);
            AssertionError error = new AssertionError("expected a " + expected.getSimpleName() + " or a read, got " + thrown);
            error.initCause(thrown);
            throw error;
        }
        String message = thrown.getMessage();
        boolean namesTheFile = message != null && message.startsWith(file + ": ") && message.length() > file.toString().length() + 3;
        boolean oneLine = message != null && !message.contains("\n");
        // "(null)" or a closing "null" is a cause's missing message, unless the input itself says null
        boolean saysSomething = message != null && (contains(bytes, "null")
                || !message.contains("(null)") && !message.endsWith("null"));
        if (!namesTheFile || !oneLine || !saysSomething) {
            keep(name, bytes);
            AssertionError error = new AssertionError((!namesTheFile ? "the message names the file and the problem: "
                    : !oneLine ? "one line: " : "a message that says something: ") + message);
            error.initCause(thrown);
            throw error;
        }
        return (IOException) thrown;
    }

    /** How a read ended: what it threw (null for nothing) and the bytes it allocated. */
    private record Outcome(Throwable thrown, long allocated) {
    }

    /** Reads {@code file} on the worker thread, counting what the read allocates; fails if it does not end. */
    private Outcome read(Path file, String name, byte[] bytes, Reader reader) throws Exception {
        Future<Outcome> outcome = worker.submit(() -> {
            long before = AllocatedBytes.ofThisThread();
            Throwable thrown = null;
            try {
                reader.read(file);
            } catch (Throwable t) {
                thrown = t;
            }
            return new Outcome(thrown, AllocatedBytes.ofThisThread() - before);
        });
        try {
            return outcome.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            Path kept = Files.copy(file, dir.resolve("hang-" + name));
            throw new AssertionError("reading " + bytes.length + " bytes did not end within " + HANG_SECONDS
                    + " s; input kept at " + kept);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    /** Keeps an input that failed under {@code target/fuzz-failures/}, to become a regression fixture. */
    private static void keep(String name, byte[] bytes) throws IOException {
        Path failures = Files.createDirectories(Path.of("target", "fuzz-failures"));
        Files.write(failures.resolve(Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + name), bytes);
    }

    private static boolean contains(byte[] bytes, String ascii) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(ascii);
    }

    @Override
    public void close() throws IOException {
        worker.shutdownNow();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (!p.getFileName().toString().startsWith("hang-")) {
                    Files.delete(p);
                }
            }
        }
        try {
            Files.delete(dir);
        } catch (IOException kept) {
            // a hanging input is kept for a look
        }
    }
}
