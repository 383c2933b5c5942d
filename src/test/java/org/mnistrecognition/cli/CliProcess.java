package org.mnistrecognition.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The command line run as a user runs it: in its own JVM, its output to a log file. */
final class CliProcess {
    private CliProcess() {
    }

    /** The {@code java} command running the command line with {@code home} as the user folder. */
    static List<String> command(Path home, String... args) {
        return command(home, List.of(), args);
    }

    /** The same, with more options for the JVM (such as system properties). */
    static List<String> command(Path home, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-Xmx512m", "-XX:-UsePerfData", "-Djava.awt.headless=true",
                "-Dmnist.home=" + home));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mnistrecognition.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the command line with {@code home} as the user folder. */
    static Process start(Path home, Path log, String... args) throws IOException {
        return start(command(home, args), log);
    }

    /**
     * Starts {@code command}, its output (stdout and stderr) copied to {@code log} through a pipe
     * (so that a file-size limit set for the command does not apply to its log).
     */
    static Process start(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread copier = new Thread(() -> {
            try (InputStream in = p.getInputStream(); OutputStream out = Files.newOutputStream(log)) {
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
     * Starts {@code command} with its standard output left to the caller to read (a pipe: a command
     * whose reader stops reading blocks at its next write once the pipe is full) and its standard
     * error written to {@code errLog}.
     */
    static Process startPiped(List<String> command, Path errLog) throws IOException {
        return new ProcessBuilder(command).redirectError(errLog.toFile()).start();
    }

    private static final Map<Process, Thread> COPIERS = new ConcurrentHashMap<>();

    /** Waits for the process (two minutes at most: a guard against a hang) and its log, and returns its exit code. */
    static int finish(Process p, Path log) throws Exception {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command line did not end: " + read(log));
        }
        Thread copier = COPIERS.remove(p);
        if (copier != null) {
            copier.join(10_000);
        }
        return p.exitValue();
    }

    static String read(Path log) {
        try {
            return Files.readString(log).replace("\r", "\n");
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The log's lines that are not the progress bar's. */
    static List<String> messages(Path log) {
        return read(log).lines().filter(l -> !l.isBlank() && !l.startsWith("training ") && !l.startsWith("WARNING: Using incubator"))
                .toList();
    }
}
