package org.mnistrecognition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A folder made read-only for a test, and made writable again when closed. Permissions alone
 * do not stop root (the tests' user on the build machine), so as root the folder is also made
 * immutable ({@code chattr +i}), which stops root too where the file system and the process's
 * capabilities allow. Where neither works, there is no read-only folder to be had and the test
 * using it is skipped.
 */
public final class ReadOnlyFolder implements AutoCloseable {
    private final Path folder;
    private final boolean immutable;
    /** How the folder was made read-only, for test messages. */
    private final String how;

    private ReadOnlyFolder(Path folder, boolean immutable) {
        this.folder = folder;
        this.immutable = immutable;
        this.how = immutable ? "chmod 555 and chattr +i (running as root)" : "chmod 555";
    }

    /** Makes {@code folder} read-only, or says it cannot be done here. */
    public static Optional<ReadOnlyFolder> of(Path folder) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!writable(folder)) {
            return Optional.of(new ReadOnlyFolder(folder, false));
        }
        if (run("chattr", "+i", folder.toString()) && !writable(folder)) {
            return Optional.of(new ReadOnlyFolder(folder, true));
        }
        run("chattr", "-i", folder.toString());
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Optional.empty();
    }

    /** Makes {@code folder} read-only, or skips the test (JUnit's assumption) where it cannot be done here. */
    public static ReadOnlyFolder orSkip(Path folder) throws IOException, InterruptedException {
        Optional<ReadOnlyFolder> made = of(folder);
        Assumptions.assumeTrue(made.isPresent(), "a folder can be made read-only here");
        return made.get();
    }

    /** Whether a file can be created in {@code folder} (the probe is deleted again). */
    private static boolean writable(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException noSuchCommand) {
            return false;
        }
    }

    public String how() {
        return how;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            run("chattr", "-i", folder.toString());
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
