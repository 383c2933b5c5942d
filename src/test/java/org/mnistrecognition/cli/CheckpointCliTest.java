package org.mnistrecognition.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.history.RunHistory;
import org.mnistrecognition.history.RunRecord;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.kernels.Kernels;
import org.mnistrecognition.training.RunStateFile;
import org.mnistrecognition.training.SyntheticData;

/**
 * The command line killed mid-run ({@code kill -9}) and resumed from its checkpoint with
 * {@code train --resume}: it ends with the same weights, bit for bit, as a run that was never
 * interrupted. Each run is a real {@code java} process, as a user would start it.
 */
class CheckpointCliTest {
    /** Long enough that the run is still going when its first checkpoint appears. */
    private static final String ITERATIONS = "300000";
    private static final String EVERY = "10000";

    @TempDir
    Path dir;

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

    @Test
    void aRunKilledMidwayAndResumedEndsWithTheSameWeights() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() == 17 || !Kernels.best().name().startsWith("vector"),
                "bit-for-bit runs are promised on JDK 17, the project's JDK");
        Path data = SyntheticData.writeIdx(dir.resolve("data"));
        String[] run = {"train", "--preset", "best", "--layers", "64,32,10", "--iterations", ITERATIONS, "--threads", "1",
            "--data", data.toString(), "--checkpoint-every", EVERY};

        Path wholeHome = dir.resolve("whole-home");
        Path whole = dir.resolve("whole.npz");
        Path wholeLog = dir.resolve("whole.log");
        Process uninterrupted = CliProcess.start(wholeHome, wholeLog, concat(run, "--save", whole.toString()));
        assertEquals(0, CliProcess.finish(uninterrupted, wholeLog), () -> CliProcess.read(wholeLog));
        assertTrue(checkpoint(wholeHome).isEmpty(), "a finished run deletes its checkpoint");

        Path home = dir.resolve("home");
        Path killedLog = dir.resolve("killed.log");
        Process killed = CliProcess.start(home, killedLog, run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (checkpoint(home).isEmpty() && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        killed.destroyForcibly();
        assertEquals(137, CliProcess.finish(killed, killedLog),
                () -> "killed with SIGKILL before it ended: " + CliProcess.read(killedLog));
        Path file = checkpoint(home).orElseThrow(() -> new AssertionError("no checkpoint: " + CliProcess.read(killedLog)));
        long savedAt = RunStateFile.summary(file).iterations();
        assertTrue(savedAt > 0 && savedAt < Long.parseLong(ITERATIONS), "saved mid-run: " + savedAt);

        Path resumed = dir.resolve("resumed.npz");
        Path resumedLog = dir.resolve("resumed.log");
        Process resuming = CliProcess.start(home, resumedLog, "train", "--resume", file.toString(), "--save",
                resumed.toString(), "--checkpoint-every", EVERY);
        assertEquals(0, CliProcess.finish(resuming, resumedLog), () -> CliProcess.read(resumedLog));
        assertTrue(CliProcess.read(resumedLog).contains("resuming " + file), CliProcess.read(resumedLog));
        assertFalse(Files.exists(file), "the resumed run, finished, deletes its checkpoint");
        List<RunRecord> kept = new RunHistory(home.resolve("data").resolve("runs")).list().runs();
        assertEquals(1, kept.size(), "the killed run kept nothing; the resumed one is kept once: " + kept);
        assertEquals(Long.parseLong(ITERATIONS), kept.get(0).iterations());
        assertEquals("completed", kept.get(0).status());

        Network expected = ModelFile.load(whole).network();
        Network actual = ModelFile.load(resumed).network();
        for (int l = 0; l < expected.depth(); l++) {
            assertArrayEquals(expected.layer(l).weights().data, actual.layer(l).weights().data, "W" + (l + 1));
            assertArrayEquals(expected.layer(l).biases().data, actual.layer(l).biases().data, "b" + (l + 1));
        }
        String wholeLast = CliProcess.read(wholeLog).strip().lines().reduce((a, b) -> b).orElseThrow();
        String resumedLast = CliProcess.read(resumedLog).strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(wholeLast.startsWith("test accuracy: "), wholeLast);
        assertEquals(wholeLast, resumedLast);
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

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
