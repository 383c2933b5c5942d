package org.mnistrecognition.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.model.ModelMetadata;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.Checkpoint;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.RunControl;
import org.mnistrecognition.training.SyntheticData;
import org.mnistrecognition.training.Trainer;
import org.mnistrecognition.training.TrainingConfig;
import org.mnistrecognition.training.TrainingListener;
import org.mnistrecognition.training.TrainingResult;

/**
 * How runs get into the history outside the app's Train tab: a {@link RunRecorder} following a run
 * (the command line, a fine-tuning), where a run came from, and a resumed run kept as one run with
 * the part of it before the stop.
 */
class RunRecordingTest {
    @TempDir
    Path dir;

    private static final TrainingConfig CONFIG = Preset.BEST.config(3)
            .withArchitecture(new Architecture(List.of(64, 16, 10), Activation.RELU, Activation.SOFTMAX, true))
            .withIterations(2000);

    private static Network network(long seed) {
        return Network.initialise(CONFIG.architecture(), CONFIG.initialisation(), seed);
    }

    private static ModelMetadata metadata(Network n) {
        return ModelMetadata.of(n, CONFIG.cost(), CONFIG.preset(), 3, CONFIG.initialisation(), ModelMetadata.Training.unknown());
    }

    /** A record of a run of {@link #CONFIG} started at {@code start}, with cost points at {@code x}. */
    private static RunRecord record(String start, String status, long iterations, long... x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1.0 / x[i];
        }
        CostCurve curve = new CostCurve(x, y, new long[] {x[x.length - 1]}, new double[] {x[x.length - 1] / 2000.0});
        return new RunRecord(RunRecord.FORMAT_VERSION, "", start, start, status, RunSettings.of(CONFIG), iterations, 2000,
                iterations / 1000.0, 0.5, 0.5, "synthetic", curve, "", RunRecord.COMMAND_LINE, "", "");
    }

    @Test
    void aRecorderKeepsTheSameCurveAsTheAppAndTheRunsResults() throws Exception {
        RunRecorder recorder = new RunRecorder(2000, 0);
        // what the app's Train tab does: the same samples' costs and checkpoints into its own curve
        LearningCurve app = new LearningCurve(2000);
        TrainingResult result = new Trainer(CONFIG, SyntheticData.create(), new RunControl()).checkpointEvery(200)
                .run(new TrainingListener() {
                    @Override
                    public void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
                        recorder.iteration(iteration, sampleIndex, actual, guess, cost);
                        app.add(cost);
                    }

                    @Override
                    public void checkpoint(Checkpoint checkpoint) {
                        recorder.checkpoint(checkpoint);
                        app.checkpoint(checkpoint.iteration(), checkpoint.validationAccuracy());
                    }
                });
        RunRecord r = recorder.record(result, "synthetic", RunRecord.COMMAND_LINE);
        assertEquals(app.toCostCurve(), r.curve());
        assertEquals(2000, r.curve().iterations()[r.curve().size() - 1]);
        assertEquals(10, r.curve().checkpoints().length, "nine checkpoints in the run and one at its end");
        assertEquals("completed", r.status());
        assertEquals(RunRecord.COMMAND_LINE, r.ranIn());
        assertEquals(2000, r.iterations());
        assertEquals(2000, r.totalIterations());
        assertEquals(result.test().accuracy(), r.testAccuracy());
        assertEquals(result.validationAccuracy(), r.validationAccuracy());
        assertEquals(result.seconds(), r.seconds());
        assertEquals(RunSettings.of(CONFIG), r.settings());
        assertFalse(Instant.parse(r.startedAt()).isAfter(Instant.parse(r.endedAt())));
        assertEquals("custom", r.what(), "a preset with other layers is custom");
        assertFalse(r.isFineTune());
    }

    @Test
    void whereARunCameFromReadsBack() throws Exception {
        RunHistory history = new RunHistory(dir);
        Network n = network(1);
        Path checkpoint = dir.resolve("..").resolve("checkpoints").resolve("best-1.npz");
        history.add(record("2025-05-01T10:00:00Z", "cancelled", 700, 100, 700).withCheckpoint(checkpoint), n, metadata(n));
        history.add(record("2025-05-01T11:00:00Z", "completed", 2000, 100, 2000).withTunedFrom("bundled model"), n,
                metadata(n));
        List<RunRecord> runs = history.list().runs();
        RunRecord tuned = runs.get(0);
        assertTrue(tuned.isFineTune());
        assertEquals("fine-tune of bundled model", tuned.what());
        assertTrue(tuned.id().endsWith("_custom"), "the folder is named after the preset: " + tuned.id());
        RunRecord stopped = runs.get(1);
        assertEquals(RunRecord.COMMAND_LINE, stopped.ranIn());
        assertEquals(checkpoint.toAbsolutePath().normalize().toString(), stopped.checkpoint());
        assertFalse(stopped.checkpoint().contains(".."));
    }

    @Test
    void aRecordWrittenBeforeRunsHadASourceIsTheApps() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("2025-05-01_10-00-00_seed"));
        Files.writeString(folder.resolve(RunHistory.RECORD), "{\"formatVersion\": 1, \"startedAt\": \"2025-05-01T10:00:00Z\","
                + " \"status\": \"completed\", \"settings\": {\"preset\": \"seed\", \"layers\": [784, 200, 200, 10]},"
                + " \"iterations\": 50000, \"model\": \"model.npz\"}");
        RunRecord old = new RunHistory(dir).list().runs().get(0);
        assertEquals("", old.source());
        assertEquals(RunRecord.APP, old.ranIn());
        assertEquals("seed", old.what());
        assertEquals("", old.checkpoint());
    }

    @Test
    void aResumedRunReplacesItsPartBeforeTheStop() throws Exception {
        RunHistory history = new RunHistory(dir);
        Path checkpoint = dir.resolve("best-1.npz");
        Network before = network(1);
        RunRecord stopped = history.add(record("2025-05-01T10:00:00Z", "cancelled", 700, 100, 400, 700)
                .withCheckpoint(checkpoint), before, metadata(before));
        RunRecord other = history.add(record("2025-05-01T09:00:00Z", "cancelled", 300, 100, 300)
                .withCheckpoint(dir.resolve("another.npz")), before, metadata(before));

        Network after = network(2);
        RunRecord resumed = record("2025-05-01T12:00:00Z", "completed", 2000, 701, 1500, 2000);
        RunRecord saved = history.add(resumed, after, metadata(after), checkpoint);

        List<RunRecord> runs = history.list().runs();
        assertEquals(List.of(saved.id(), other.id()), runs.stream().map(RunRecord::id).toList(),
                "the stopped part is gone, the other stopped run stays");
        assertFalse(Files.exists(dir.resolve(stopped.id())));
        RunRecord whole = runs.get(0);
        assertEquals("2025-05-01T10:00:00Z", whole.startedAt(), "the run started when its first part did");
        assertEquals("2025-05-01T12:00:00Z", whole.endedAt());
        assertEquals("completed", whole.status());
        assertEquals(2000, whole.iterations());
        assertEquals("", whole.checkpoint(), "nothing left to resume");
        assertArrayEquals(new long[] {100, 400, 700, 701, 1500, 2000}, whole.curve().iterations());
        assertArrayEquals(new long[] {700, 2000}, whole.curve().checkpoints());
        assertArrayEquals(after.layer(0).weights().data, ModelFile.load(history.modelFile(whole)).network().layer(0).weights().data,
                "the model is the resumed run's");

        RunRecord alone = history.add(record("2025-05-01T13:00:00Z", "completed", 2000, 1000, 2000), after, metadata(after),
                dir.resolve("no-such-run.npz"));
        assertEquals("2025-05-01T13:00:00Z", alone.startedAt(), "a resumed run with no record of its first part is kept alone");
        assertEquals(3, history.list().runs().size());
    }

    @Test
    void aCurveFollowedByAnotherKeepsOnlyWhatComesAfterAndAtMostFiveHundredPoints() {
        long[] x = new long[400];
        long[] later = new long[400];
        for (int i = 0; i < 400; i++) {
            x[i] = i + 1;
            later[i] = 300 + 2 * i;
        }
        CostCurve a = new CostCurve(x, new double[400], new long[] {200, 400}, new double[] {0.5, 0.6});
        CostCurve b = new CostCurve(later, new double[400], new long[] {400, 1000}, new double[] {0.6, 0.9});
        CostCurve joined = a.followedBy(b);
        assertEquals(CostCurve.MAX_POINTS, joined.size());
        assertEquals(1, joined.iterations()[0]);
        assertEquals(1098, joined.iterations()[joined.size() - 1]);
        for (int i = 1; i < joined.size(); i++) {
            assertTrue(joined.iterations()[i] > joined.iterations()[i - 1], "ascending at " + i);
        }
        assertArrayEquals(new long[] {200, 400, 1000}, joined.checkpoints());
        assertEquals(b, CostCurve.empty().followedBy(b));
    }

    @Test
    void aRunThatCannotBeWrittenLeavesNoFolder() throws Exception {
        RunHistory history = new RunHistory(dir);
        Network n = network(1);
        Network other = Network.initialise(new Architecture(List.of(64, 8, 10), Activation.RELU, Activation.SOFTMAX, true),
                CONFIG.initialisation(), 1);
        assertThrows(IllegalArgumentException.class,
                () -> history.add(record("2025-05-01T10:00:00Z", "completed", 2000, 2000), n, metadata(other)));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no half-written run");
        }
    }
}
