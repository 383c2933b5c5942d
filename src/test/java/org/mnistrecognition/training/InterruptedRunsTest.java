package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Network;

/**
 * Which checkpoints are interrupted runs: those whose process is gone, and those whose pid now
 * belongs to a process that started after the checkpoint was saved (after a reboot the pid of a
 * crashed run can be any other program's, which hid the run).
 */
class InterruptedRunsTest {
    @TempDir
    Path dir;

    private static final long PID = ProcessHandle.current().pid();

    private static Instant started() {
        var start = ProcessHandle.current().info().startInstant();
        Assumptions.assumeTrue(start.isPresent(), "this system gives processes' start times");
        return start.get();
    }

    @Test
    void aLiveProcessThatStartedBeforeTheCheckpointIsTheRunsOwn() {
        assertTrue(InterruptedRuns.running(PID, Instant.now().toString()));
        assertTrue(InterruptedRuns.running(PID, started().plusSeconds(1).toString()));
        assertTrue(InterruptedRuns.running(PID, started().minus(Duration.ofSeconds(2)).toString()),
                "start times are not exact: a process that seems to start 2 s after the save is still the same");
    }

    @Test
    void aLiveProcessThatStartedAfterTheCheckpointWasSavedIsAnotherOne() {
        assertFalse(InterruptedRuns.running(PID, started().minus(Duration.ofMinutes(10)).toString()));
        assertFalse(InterruptedRuns.running(PID, "2020-01-01T00:00:00Z"));
    }

    @Test
    void withoutATimeALivePidCountsAsRunningAndAGoneOneDoesNot() {
        assertTrue(InterruptedRuns.running(PID, ""));
        assertTrue(InterruptedRuns.running(PID, "not a time"));
        assertFalse(InterruptedRuns.running(-1, Instant.now().toString()));
        assertFalse(InterruptedRuns.running(0, Instant.now().toString()));
    }

    private Path checkpoint(String name, Instant savedAt) throws Exception {
        Architecture arch = new Architecture(List.of(4, 3, 2), Activation.SIGMOID, Activation.SIGMOID, true);
        TrainingConfig config = Preset.SEED.config(1).withArchitecture(arch).withIterations(100).withThreads(1);
        Network network = Network.initialise(arch, config.initialisation(), 1);
        Path file = dir.resolve(name);
        RunStateFile.save(file, new RunState(config, network, List.of(), 10, 1.0, new DataFingerprint("data", 20, 2, 2, 7),
                savedAt.toString(), PID));
        return file;
    }

    /** Both checkpoints name this process: the one saved before it started is listed, the other is left alone. */
    @Test
    void aCheckpointSavedBeforeItsPidsProcessStartedIsListed() throws Exception {
        Path beforeReboot = checkpoint("before-reboot.npz", started().minus(Duration.ofHours(1)));
        checkpoint("running.npz", Instant.now());
        List<InterruptedRuns.Found> found = InterruptedRuns.in(dir);
        assertEquals(List.of(beforeReboot), found.stream().map(InterruptedRuns.Found::file).toList());
        assertEquals(10, found.get(0).summary().iterations());
    }
}
