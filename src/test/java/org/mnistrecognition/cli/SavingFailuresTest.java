package org.mnistrecognition.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.ReadOnlyFolder;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.training.SyntheticData;

/**
 * Writes that fail, as a user's machine makes them fail: a full disk (simulated by a file-size
 * limit, {@code ulimit -f}, so that the write itself fails with "File too large" as it would with
 * "No space left on device") and a read-only folder. The file that was there stays as it was, no
 * temporary file is left behind, and the message names the file and the reason.
 */
class SavingFailuresTest {
    @TempDir
    Path dir;

    /** The command line in this JVM, with this test's own user folders. */
    private CliTest.Run cli(String... args) {
        return CliTest.run(dir.resolve("home"), args);
    }

    /** A valid model file to be overwritten, and its bytes. */
    private byte[] previousModel(Path file) throws Exception {
        Path data = SyntheticData.writeIdx(dir.resolve("data"));
        CliTest.Run r = cli("train", "--preset", "best", "--layers", "64,8,10", "--iterations", "200", "--data",
                data.toString(), "--save", file.toString(), "--no-history");
        assertEquals(0, r.exit(), r.err());
        return Files.readAllBytes(file);
    }

    /**
     * The command line under a file-size limit of {@code kilobytes}, set by a POSIX shell (whose
     * {@code ulimit -f} counts 512-byte blocks); skipped where there is none.
     */
    private static List<String> limited(int kilobytes, List<String> command) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell sets the limit");
        List<String> limitedCommand = new ArrayList<>(List.of("/bin/sh", "-c",
                "ulimit -f " + 2 * kilobytes + " && exec \"$0\" \"$@\""));
        limitedCommand.addAll(command);
        return limitedCommand;
    }

    private static List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskLeavesThePreviousModelAndSaysWhy() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path model = out.resolve("model.npz");
        byte[] previous = previousModel(model);
        Path log = dir.resolve("full.log");
        // 64-100-10 is 7,510 weights: about 60 kB, more than the 16 kB the limit lets a file grow to
        Process p = CliProcess.start(limited(16, CliProcess.command(dir.resolve("home"), "train", "--preset", "best",
                "--layers", "64,100,10", "--iterations", "500", "--data", dir.resolve("data").toString(), "--save",
                model.toString(), "--no-history")), log);
        assertEquals(Cli.FAILED, CliProcess.finish(p, log), CliProcess.read(log));
        List<String> messages = CliProcess.messages(log);
        assertEquals("error: cannot write " + model + ": File too large", messages.get(messages.size() - 1), messages.toString());
        assertArrayEquals(previous, Files.readAllBytes(model), "the previous model is intact");
        assertEquals(List.of("model.npz"), filesIn(out), "no temporary file is left");
        ModelFile.load(model);
    }

    @Test
    void aCheckpointThatCannotBeSavedLetsTheRunGoOn() throws Exception {
        SyntheticData.writeIdx(dir.resolve("data"));
        Path home = dir.resolve("home");
        Path model = dir.resolve("model.npz");
        Path log = dir.resolve("checkpoint.log");
        // the model (64-40-10) fits under the limit; its checkpoint, with the model and the momentum's two sets of
        // velocities, about three times its size, does not
        Path probe = dir.resolve("probe.npz");
        CliTest.Run first = cli("train", "--preset", "best", "--layers", "64,40,10", "--iterations", "2000", "--data",
                dir.resolve("data").toString(), "--save", probe.toString(), "--no-history");
        assertEquals(0, first.exit(), first.err());
        int limit = (int) (Files.size(probe) * 3 / 2 / 1024) + 1;
        Process p = CliProcess.start(limited(limit, CliProcess.command(home, "train", "--preset", "best", "--layers", "64,40,10",
                "--iterations", "20000", "--checkpoint-every", "2000", "--data", dir.resolve("data").toString(), "--save",
                model.toString(), "--no-history")), log);
        assertEquals(0, CliProcess.finish(p, log), CliProcess.read(log));
        List<String> messages = CliProcess.messages(log);
        List<String> warnings = messages.stream().filter(m -> m.startsWith("warning: ")).toList();
        assertEquals(1, warnings.size(), "said once: " + messages);
        assertTrue(warnings.get(0).matches("warning: cannot save a checkpoint \\(cannot write .*\\.npz: File too large\\);"
                + " training goes on"), warnings.get(0));
        assertTrue(messages.get(messages.size() - 1).startsWith("test accuracy: "), "the run ended: " + messages);
        assertEquals(20_000, ModelFile.load(model).metadata().training().iterations());
        assertEquals(List.of(), filesIn(home.resolve("data").resolve("checkpoints")), "no temporary checkpoint is left");
    }

    @Test
    void aReadOnlyFolderIsSaidBeforeTrainingAndLeavesThePreviousModel() throws Exception {
        Path out = Files.createDirectories(dir.resolve("read-only"));
        Path model = out.resolve("model.npz");
        byte[] previous = previousModel(model);
        try (ReadOnlyFolder folder = ReadOnlyFolder.orSkip(out)) {
            CliTest.Run r = cli("train", "--preset", "best", "--layers", "64,8,10", "--iterations", "200", "--data",
                    dir.resolve("data").toString(), "--save", model.toString());
            assertEquals(Cli.FAILED, r.exit());
            String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
            assertTrue(last.startsWith("error: cannot write " + model + ": cannot create a temporary file in " + out + " ("),
                    folder.how() + ": " + last);
            assertTrue(last.contains("ermission denied") || last.contains("ot permitted"), last);
            assertArrayEquals(previous, Files.readAllBytes(model), "the previous model is intact");
            assertEquals(List.of("model.npz"), filesIn(out));
            assertFalse(r.err().contains("trained "), "said before training: " + r.err());
        }
    }
}
