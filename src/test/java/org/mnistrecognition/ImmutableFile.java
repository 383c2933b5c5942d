package org.mnistrecognition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A file made immutable for a test ({@code chattr +i}): it cannot be replaced, renamed over or
 * deleted, while its folder stays writable, so that a write fails at the last step, when its
 * temporary file is moved into place. Made mutable again when closed. Only root (with the
 * capability) can do it, on file systems that have the flag; elsewhere the test is skipped.
 */
public final class ImmutableFile implements AutoCloseable {
    private final Path file;

    private ImmutableFile(Path file) {
        this.file = file;
    }

    /** Makes {@code file} immutable, or says it cannot be done here. */
    public static Optional<ImmutableFile> of(Path file) throws InterruptedException {
        if (!chattr("+i", file)) {
            return Optional.empty();
        }
        try (var out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            chattr("-i", file);
            return Optional.empty();
        } catch (IOException refused) {
            return Optional.of(new ImmutableFile(file));
        }
    }

    /** Makes {@code file} immutable, or skips the test (JUnit's assumption) where it cannot be done here. */
    public static ImmutableFile orSkip(Path file) throws InterruptedException {
        Optional<ImmutableFile> made = of(file);
        Assumptions.assumeTrue(made.isPresent(), "a file can be made immutable here (root, chattr)");
        return made.get();
    }

    private static boolean chattr(String flag, Path file) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException noSuchCommand) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        chattr("-i", file);
    }
}
