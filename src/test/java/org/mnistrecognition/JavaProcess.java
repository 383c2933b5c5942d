package org.mnistrecognition;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A class of the project run in a JVM of its own, as a user's machine runs it, its output to a log file. */
public final class JavaProcess {
    private static final Map<Process, Thread> COPIERS = new ConcurrentHashMap<>();

    private JavaProcess() {
    }

    /** The {@code java} command running {@code main} on this JVM's class path, with {@code jvmOptions} before the class. */
    public static List<String> command(Class<?> main, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts {@code command}, its output (stdout and stderr) copied to {@code log} through a pipe
     * (so that a file-size limit set for the command does not apply to its log). The log file
     * exists before the command starts.
     */
    public static Process start(List<String> command, Path log) throws IOException {
        OutputStream out = Files.newOutputStream(log);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        Thread copier = new Thread(() -> {
            try (InputStream in = p.getInputStream(); out) {
                in.transferTo(out);
            } catch (IOException e) {
                // the process was killed: its log ends there
            }
        }, "log of " + log.getFileName());
        copier.setDaemon(true);
        copier.start();
        COPIERS.put(p, copier);
        return p;
    }

    /**
     * Waits for the process ({@code limit} at most: a guard against a hang, after which it is killed
     * and the test fails with its log) and for its log, and returns its exit code.
     */
    public static int finish(Process p, Path log, Duration limit) throws InterruptedException {
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the process did not end within " + limit.toSeconds() + " s:\n" + read(log));
        }
        Thread copier = COPIERS.remove(p);
        if (copier != null) {
            copier.join(10_000);
        }
        return p.exitValue();
    }

    /** The log as written, or what kept it from being read. */
    public static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
