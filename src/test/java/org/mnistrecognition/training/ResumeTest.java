package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistrecognition.network.Networks.assertSameWeights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.kernels.Kernels;

/**
 * Checkpoints: a run that dies after a checkpoint and is resumed from it ends with the same
 * weights, bit for bit, as a run that never stopped; finished runs delete their checkpoint.
 */
class ResumeTest {
    @TempDir
    Path dir;

    /** Thrown from a listener to kill a run the way a crash would: no clean end, no last save. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static TrainingListener crashingAfter(int saves, List<Long> savedAt) {
        return new TrainingListener() {
            @Override
            public void saved(Path file, long iteration) {
                savedAt.add(iteration);
                if (savedAt.size() == saves) {
                    throw new Crash();
                }
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed", "seed-fixed", "best"})
    void aRunResumedFromItsCheckpointEndsWithTheSameWeights(String preset) throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() == 17 || !Kernels.best().name().startsWith("vector"),
                "bit-for-bit runs are promised on JDK 17, the project's JDK");
        TrainingConfig config = TrainerTest.small(Preset.parse(preset));
        MnistData data = SyntheticData.create();
        TrainingResult whole = new Trainer(config, data, new RunControl()).run(new TrainingListener() { });

        Path file = dir.resolve(preset + ".npz");
        List<Long> saves = new ArrayList<>();
        Trainer first = new Trainer(config, data, new RunControl()).autosave(Autosave.everyIterations(448, file));
        assertThrows(Crash.class, () -> first.run(crashingAfter(2, saves)));
        assertTrue(Files.exists(file), "the checkpoint outlives the crash");

        RunState state = RunStateFile.load(file);
        assertEquals(saves.get(1), state.iterations());
        assertTrue(state.iterations() > 0 && state.iterations() < whole.iterations());
        assertEquals(config, state.config());
        assertEquals(config.momentum() > 0 ? 2 * config.architecture().depth() : 0, state.optimiser().size());

        Trainer resumed = Trainer.resume(state, SyntheticData.create(), new RunControl())
                .autosave(Autosave.everyIterations(448, file));
        assertEquals(state.iterations(), resumed.startsAt());
        TrainingResult rest = resumed.run(new TrainingListener() { });
        assertEquals(TrainingResult.Status.COMPLETED, rest.status());
        assertEquals(whole.iterations(), rest.iterations());
        assertSameWeights(whole.network(), rest.network());
        assertEquals(whole.test().accuracy(), rest.test().accuracy());
        assertFalse(Files.exists(file), "a finished run deletes its checkpoint");
    }

    @Test
    void aStoppedRunKeepsItsCheckpointWhenAskedAndDeletesItOtherwise() throws Exception {
        TrainingConfig config = TrainerTest.small(Preset.BEST);
        MnistData data = SyntheticData.create();
        for (boolean keep : new boolean[] {true, false}) {
            Path file = dir.resolve("stopped-" + keep + ".npz");
            RunControl control = new RunControl();
            Autosave autosave = Autosave.everyIterations(640, file);
            TrainingResult result = new Trainer(config, data, control).autosave(keep ? autosave.keepingStoppedRuns() : autosave)
                    .run(new TrainingListener() {
                        @Override
                        public void saved(Path f, long iteration) {
                            control.cancel();
                        }
                    });
            assertEquals(TrainingResult.Status.CANCELLED, result.status());
            assertEquals(keep, Files.exists(file));
            if (keep) {
                assertEquals(result.iterations(), RunStateFile.load(file).iterations(), "saved where it stopped");
            }
        }
    }

    @Test
    void aCheckpointHoldsTheRunExactly() throws Exception {
        TrainingConfig config = TrainerTest.small(Preset.BEST).withLearningRate(0.1 / 3).withSeed(-7);
        Path file = dir.resolve("exact.npz");
        List<Long> saves = new ArrayList<>();
        Trainer trainer = new Trainer(config, SyntheticData.create(), new RunControl())
                .autosave(Autosave.everyIterations(640, file));
        assertThrows(Crash.class, () -> trainer.run(crashingAfter(1, saves)));
        RunState state = RunStateFile.load(file);
        assertEquals(config, state.config(), "every number reads back exactly");
        assertEquals(DataFingerprint.of(SyntheticData.create()), state.data());
        assertEquals(ProcessHandle.current().pid(), state.pid());
        RunStateFile.Summary summary = RunStateFile.summary(file);
        assertEquals(640, summary.iterations());
        assertEquals(config.totalIterations(400), summary.totalIterations());
    }

    @Test
    void aRunIsResumedOnlyOnItsOwnImages() throws Exception {
        TrainingConfig config = TrainerTest.small(Preset.SEED);
        Path file = dir.resolve("seed.npz");
        Trainer trainer = new Trainer(config, SyntheticData.create(), new RunControl())
                .autosave(Autosave.everyIterations(100, file));
        assertThrows(Crash.class, () -> trainer.run(crashingAfter(1, new ArrayList<>())));
        RunState state = RunStateFile.load(file);
        MnistData other = SyntheticData.create();
        DataSet training = other.training();
        byte[] pixels = training.pixels().clone();
        pixels[5] ^= 1;
        MnistData changed = new MnistData(new DataSet("training", 8, 8, pixels, training.labels()), other.validation(),
                other.test(), "changed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.resume(state, changed, new RunControl()));
        assertTrue(e.getMessage().startsWith(
                "the interrupted run trained on other images (synthetic: 400 training images of 8x8)"),
                e.getMessage());
    }
}
