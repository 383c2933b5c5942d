package org.mnistrecognition.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistrecognition.network.Networks.assertSameWeights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.history.RunHistory;
import org.mnistrecognition.history.RunRecord;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.training.RunStateFile;
import org.mnistrecognition.training.SyntheticData;

/**
 * The command line interrupted past the middle of a run, by {@code kill -9} or by a SIGTERM (what
 * Ctrl+C sends is a SIGINT, which the JVM handles the same way), and resumed from its checkpoint
 * with {@code train --resume}: it ends with the same weights, bit for bit, as a run that was never
 * interrupted. Each run is a real {@code java} process, as a user would start it.
 *
 * <p>The interrupted runs print every iteration ({@code --log}) to a pipe this test reads: once it
 * has read past the middle it stops reading, so the run blocks at its next write a little further
 * on (a pipe holds about a thousand lines) and cannot end before it is interrupted, however fast or
 * slow the machine. After a SIGTERM the test reads on only once the JVM has started the shutdown
 * hook that stops the run (its thread shows in {@code /proc}). No timing decides anything.
 *
 * <p>On JDK 17, the project's JDK and the app image's, the runs use the Vector API kernels the app
 * ships with. On later JDKs the incubating Vector API may add a vector's lanes in another order
 * once C2 compiles a kernel than in the interpreter, so a resumed run, whose kernels start
 * interpreted again, may differ in the last bits from an uninterrupted one for a reason that has
 * nothing to do with checkpoints (the README promises bit-for-bit runs on JDK 17 only); there the
 * runs use the scalar kernels ({@code -Dmnist.kernels=scalar}), which add in one fixed order.
 */
class CheckpointCliTest {
    private static final long ITERATIONS = 100_000;
    /** Ten checkpoints a run: the one past the middle is the sixth. */
    private static final long EVERY = ITERATIONS / 10;

    @TempDir
    static Path dir;
    private static Path data;
    private static Path whole;
    private static String wholeLast;

    /** The command line in this JVM, with this test's own user folders. */
    private CliTest.Run cli(String... args) {
        return CliTest.run(dir.resolve("home"), args);
    }

    /** The checkpoint a run has written under {@code home}, if any (never a temporary file being written). */
    static Optional<Path> checkpoint(Path home) throws IOException {
        Path folder = home.resolve("data").resolve("checkpoints");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".npz") && !f.getFileName().toString().startsWith("."))
                    .findFirst();
        }
    }

    /** The run every test interrupts, trained once without interruption: its model and its last line. */
    @BeforeAll
    static void uninterruptedRun() throws Exception {
        data = SyntheticData.writeIdx(dir.resolve("data"));
        Path home = dir.resolve("whole-home");
        whole = dir.resolve("whole.npz");
        Path log = dir.resolve("whole.log");
        Process p = CliProcess.start(command(home, run("--checkpoint-every", String.valueOf(EVERY), "--save", whole.toString())),
                log);
        assertEquals(0, CliProcess.finish(p, log), () -> CliProcess.read(log));
        assertTrue(checkpoint(home).isEmpty(), "a finished run deletes its checkpoint");
        wholeLast = lastLine(CliProcess.read(log));
        assertTrue(wholeLast.startsWith("test accuracy: "), wholeLast);
    }

    @Test
    void aRunKilledPastItsMiddleAndResumedEndsWithTheSameWeights() throws Exception {
        Path home = dir.resolve("killed-home");
        Path errLog = dir.resolve("killed.err");
        Process killed = CliProcess.startPiped(command(home, run("--log", "--checkpoint-every", String.valueOf(EVERY))), errLog);
        try (BufferedReader out = stdout(killed)) {
            long past = ITERATIONS / 2 + EVERY / 5;
            assertEquals(past, readIterations(out, past), () -> "still training: " + CliProcess.read(errLog));
            // it now blocks writing its log, short of its next checkpoint; the one past the middle is saved
            killed.destroyForcibly();
            assertEquals(137, CliProcess.finish(killed, errLog),
                    () -> "killed with SIGKILL before it ended: " + CliProcess.read(errLog));
        }
        Path file = checkpoint(home).orElseThrow(() -> new AssertionError("no checkpoint: " + CliProcess.read(errLog)));
        assertTrue(CliProcess.read(errLog).contains("checkpoint saved to " + file), CliProcess.read(errLog));
        long savedAt = RunStateFile.summary(file).iterations();
        assertTrue(savedAt >= ITERATIONS / 2 && savedAt < ITERATIONS, "saved past the middle: " + savedAt);

        assertResumesToTheUninterruptedRun(home, file, savedAt, "--checkpoint-every", String.valueOf(EVERY));
    }

    /**
     * A SIGTERM (what {@link Process#destroy()} and {@code kill} send) stops the run between two steps: it saves a
     * checkpoint where it stopped, says on one line how to resume it, and exits with a non-zero code.
     * With checkpoints every 5 minutes (the default), that stop is the run's only checkpoint.
     */
    @Test
    void aRunStoppedBySigtermSavesACheckpointThatResumesToTheSameWeights() throws Exception {
        Path home = dir.resolve("stopped-home");
        Path errLog = dir.resolve("stopped.err");
        Process stopped = CliProcess.startPiped(command(home, run("--log")), errLog);
        List<String> after = new ArrayList<>();
        try (BufferedReader out = stdout(stopped)) {
            long past = ITERATIONS / 2;
            assertEquals(past, readIterations(out, past), () -> "still training: " + CliProcess.read(errLog));
            assertTrue(checkpoint(home).isEmpty(), "no checkpoint before the stop");
            // a SIGTERM, as Process.destroy() sends, but leaving the output open (destroy() closes it)
            assertTrue(stopped.toHandle().destroy(), "SIGTERM sent");
            // unread, the run is held at its next write until the JVM has started the hook that stops it
            awaitThread(stopped, "stop-training");
            // read on to the end: the run goes on to its next step boundary, then stops there
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                after.add(line);
            }
        }
        int exit = CliProcess.finish(stopped, errLog);
        String err = CliProcess.read(errLog);
        // 143, a SIGTERM's code; or 1, the command's failure code, if the main thread's exit comes in the instant
        // between the end of the JVM's shutdown hooks and its halt
        assertTrue(exit == 128 + 15 || exit == Cli.FAILED, "a stopped run is no success: " + exit + "\n" + err);
        Path file = checkpoint(home).orElseThrow(() -> new AssertionError("no checkpoint: " + err));
        long savedAt = RunStateFile.summary(file).iterations();
        assertTrue(savedAt >= ITERATIONS / 2 && savedAt < ITERATIONS, "saved where it stopped: " + savedAt);
        List<String> told = err.lines().filter(l -> l.contains(file.toString())).toList();
        assertEquals(List.of(String.format(Locale.ROOT,
                "interrupted after %,d of %,d iterations; resume with: mnist-recognition train --resume %s",
                savedAt, ITERATIONS, file)), told, err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        assertEquals(savedAt - ITERATIONS / 2, after.stream().filter(l -> l.startsWith("actual: ")).count(),
                "every iteration trained before the stop is logged, and no other");
        // the stopped part is kept in the history as one cancelled run that can be resumed
        List<RunRecord> before = history(home).list().runs();
        assertEquals(1, before.size(), err);
        RunRecord part = before.get(0);
        assertEquals("cancelled", part.status());
        assertEquals(savedAt, part.iterations());
        assertEquals(file.toAbsolutePath().normalize().toString(), part.checkpoint(), "it can be resumed from there");
        assertTrue(err.contains("run kept in the history: " + history(home).folderOf(part)), err);

        RunRecord whole = assertResumesToTheUninterruptedRun(home, file, savedAt);
        // the resumed run replaces the stopped part: one run, not two
        assertEquals(part.startedAt(), whole.startedAt(), "started when the first part did");
        assertTrue(Instant.parse(whole.endedAt()).isAfter(Instant.parse(part.endedAt())));
        assertEquals("", whole.checkpoint());
        assertTrue(whole.seconds() >= part.seconds(), "the training time of both parts");
        long[] x = whole.curve().iterations();
        assertTrue(x[0] < savedAt && x[x.length - 1] == ITERATIONS, "the curve spans both parts");
        assertFalse(Files.exists(history(home).folderOf(part)), "the first part's record is replaced");
    }

    private static RunHistory history(Path home) {
        return new RunHistory(home.resolve("data").resolve("runs"));
    }

    /**
     * {@code train --resume file} finishes the run with the uninterrupted run's weights and accuracy, and deletes the file.
     *
     * @return the run history's one record, the finished run
     */
    private static RunRecord assertResumesToTheUninterruptedRun(Path home, Path file, long savedAt, String... options) throws Exception {
        Path resumed = dir.resolve(home.getFileName() + "-resumed.npz");
        Path log = dir.resolve(home.getFileName() + "-resumed.log");
        List<String> args = new ArrayList<>(List.of("train", "--resume", file.toString(), "--save", resumed.toString()));
        args.addAll(List.of(options));
        Process resuming = CliProcess.start(command(home, args.toArray(String[]::new)), log);
        assertEquals(0, CliProcess.finish(resuming, log), () -> CliProcess.read(log));
        assertTrue(CliProcess.read(log).contains(String.format(Locale.ROOT, "resuming %s: %,d of %,d samples trained",
                file, savedAt, ITERATIONS)), CliProcess.read(log));
        assertFalse(Files.exists(file), "the resumed run, finished, deletes its checkpoint");
        List<RunRecord> kept = history(home).list().runs();
        assertEquals(1, kept.size(), "the killed or stopped run and its resumption are kept as one run: " + kept);
        assertEquals(ITERATIONS, kept.get(0).iterations());
        assertEquals("completed", kept.get(0).status());

        assertSameWeights(ModelFile.load(whole).network(), ModelFile.load(resumed).network());
        assertEquals(wholeLast, lastLine(CliProcess.read(log)));
        return kept.get(0);
    }

    @Test
    void resumeAndCheckpointOptionsAreChecked() throws Exception {
        Path missing = dir.resolve("missing.npz");
        CliTest.assertOneLineError(cli("train", "--resume", missing.toString()), missing + ": no such file");
        Path model = dir.resolve("model.npz");
        Files.copy(ModelFile.bundledModel(), model);
        CliTest.assertOneLineError(cli("train", "--resume", model.toString()),
                model + ": run.json missing (is this a checkpoint?)");
        CliTest.Run changed = cli("train", "--resume", model.toString(), "--lr", "0.1");
        assertEquals(Cli.USAGE, changed.exit());
        assertTrue(changed.err().startsWith("error: --lr cannot change a resumed run: it goes on with the settings saved in "),
                changed.err());
        CliTest.Run every = cli("train", "--iterations", "10", "--checkpoint-every", "5 weeks");
        assertEquals(Cli.USAGE, every.exit());
        assertTrue(every.err().startsWith("error: --checkpoint-every takes a time such as 30s, 5m or 1h, a number of"
                + " iterations, or off; got '5 weeks'"), every.err());
    }

    /** The run: the {@code best} preset (momentum, shuffling, shifts, a schedule: all state to resume) on a small network. */
    private static String[] run(String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--preset", "best", "--layers", "64,32,10", "--iterations",
                String.valueOf(ITERATIONS), "--threads", "1", "--data", data.toString()));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    /** The command line's process command; off JDK 17 with the scalar kernels (see the class comment). */
    private static List<String> command(Path home, String... args) {
        List<String> jvm = Runtime.version().feature() == 17 ? List.of() : List.of("-Dmnist.kernels=scalar");
        return CliProcess.command(home, jvm, args);
    }

    /**
     * Waits until {@code p} has a thread named {@code name} (a guard of 60 s against one that never
     * comes), as Linux shows a JVM's threads in {@code /proc}; elsewhere returns at once.
     */
    private static void awaitThread(Process p, String name) throws IOException, InterruptedException {
        Path tasks = Path.of("/proc", String.valueOf(p.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!hasThread(tasks, name)) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, "no thread " + name + " in " + tasks);
            Thread.sleep(5);
        }
    }

    private static boolean hasThread(Path tasks, String name) throws IOException {
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.anyMatch(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().equals(name);
                } catch (IOException ended) {
                    return false;
                }
            });
        }
    }

    private static BufferedReader stdout(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads {@code --log} lines until {@code count} iterations have been read or the output ends; returns how many were read. */
    private static long readIterations(BufferedReader out, long count) throws IOException {
        long read = 0;
        while (read < count) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            if (line.startsWith("actual: ")) {
                read++;
            }
        }
        return read;
    }

    private static String lastLine(String log) {
        return log.strip().lines().reduce((a, b) -> b).orElseThrow();
    }
}
