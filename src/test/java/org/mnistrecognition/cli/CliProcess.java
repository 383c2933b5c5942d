package org.mnistrecognition.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mnistrecognition.JavaProcess;
import org.mnistrecognition.Main;

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
        List<String> options = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector", "-Xmx512m", "-XX:-UsePerfData",
                "-Djava.awt.headless=true", "-Dmnist.home=" + home));
        options.addAll(jvmOptions);
        return JavaProcess.command(Main.class, options, args);
    }

    /** Starts the command line with {@code home} as the user folder. */
    static Process start(Path home, Path log, String... args) throws IOException {
        return start(command(home, args), log);
    }

    /** Starts {@code command}, its output (stdout and stderr) copied to {@code log} (see {@link JavaProcess#start}). */
    static Process start(List<String> command, Path log) throws IOException {
        return JavaProcess.start(command, log);
    }

    /**
     * Starts {@code command} with its standard output left to the caller to read (a pipe: a command
     * whose reader stops reading blocks at its next write once the pipe is full) and its standard
     * error written to {@code errLog}.
     */
    static Process startPiped(List<String> command, Path errLog) throws IOException {
        return new ProcessBuilder(command).redirectError(errLog.toFile()).start();
    }

    /** Waits for the process (two minutes at most: a guard against a hang) and its log, and returns its exit code. */
    static int finish(Process p, Path log) throws Exception {
        return JavaProcess.finish(p, log, Duration.ofMinutes(2));
    }

    static String read(Path log) {
        return JavaProcess.read(log).replace("\r", "\n");
    }

    /** The log's lines that are not the progress bar's. */
    static List<String> messages(Path log) {
        return read(log).lines().filter(l -> !l.isBlank() && !l.startsWith("training ") && !l.startsWith("WARNING: Using incubator"))
                .toList();
    }
}
