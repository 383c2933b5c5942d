package org.mnistrecognition.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.history.CostCurve;
import org.mnistrecognition.history.RunHistory;
import org.mnistrecognition.history.RunRecord;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.network.Network;

/**
 * The command line keeps every run in the run history of the user's data folder, as the app does
 * (run as a user runs it: its own JVM, the user folder set by {@code -Dmnist.home}), unless told
 * not to. A run stopped and resumed is kept as one run: {@link CheckpointCliTest} checks it on
 * the run it stops with a SIGTERM and resumes.
 */
class HistoryCliTest {
    @TempDir
    Path dir;

    private static RunHistory history(Path home) {
        return new RunHistory(home.resolve("data").resolve("runs"));
    }

    @Test
    void aRunIsKeptInTheUsersHistoryUnlessToldNot() throws Exception {
        Path home = dir.resolve("home");
        Path model = dir.resolve("model.npz");
        Path log = dir.resolve("kept.log");
        Process p = CliProcess.start(home, log, "train", "--preset", "best", "--layers", "784,16,10", "--iterations", "3000",
                "--save", model.toString());
        assertEquals(0, CliProcess.finish(p, log), () -> CliProcess.read(log));
        List<String> messages = CliProcess.messages(log);
        String accuracy = messages.get(messages.size() - 1);
        assertTrue(accuracy.matches("test accuracy: 0\\.\\d{4} \\(\\d+/10000\\)"), "the last line is kept: " + messages);

        List<RunRecord> runs = history(home).list().runs();
        assertEquals(1, runs.size());
        RunRecord run = runs.get(0);
        assertTrue(messages.contains("run kept in the history: " + history(home).folderOf(run)), messages.toString());
        assertEquals(RunRecord.COMMAND_LINE, run.ranIn());
        assertEquals("custom", run.what(), "best with other layers");
        assertEquals("completed", run.status());
        assertEquals(3000, run.iterations());
        assertEquals(3000, run.totalIterations());
        assertEquals("784-16-10", run.settings().describeLayers());
        assertEquals(accuracy, String.format(java.util.Locale.ROOT, "test accuracy: %.4f (%d/10000)", run.testAccuracy(),
                Math.round(run.testAccuracy() * 10000)), "the record's test accuracy is the one printed");
        assertTrue(run.validationAccuracy() > 0.5, "validated on MNIST's last 10,000 training images");
        assertTrue(run.seconds() > 0);
        CostCurve curve = run.curve();
        assertTrue(curve.size() > 10 && curve.size() <= CostCurve.MAX_POINTS, curve.toString());
        assertEquals(3000, curve.iterations()[curve.size() - 1]);
        assertEquals(10, curve.checkpoints().length, "validation at the app's checkpoints: " + curve);
        Network kept = ModelFile.load(history(home).modelFile(run)).network();
        assertArrayEquals(ModelFile.load(model).network().layer(0).weights().data, kept.layer(0).weights().data,
                "the history keeps the run's model");

        // the same run without history, in this JVM (no validation passes, no second JVM to start), its progress bar
        // on the console captured too
        Path otherHome = dir.resolve("other-home");
        CliTest.Run quiet = CliTest.runCapturingTheConsole(otherHome, "train", "--preset", "best", "--layers", "784,16,10", "--iterations", "3000",
                "--no-history");
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals(accuracy, quiet.lastLine(), "the same run, the same result");
        assertFalse((quiet.out() + quiet.err()).contains("history"), quiet.out() + quiet.err());
        assertFalse(Files.exists(otherHome.resolve("data").resolve("runs")), "--no-history writes no history");
    }
}
