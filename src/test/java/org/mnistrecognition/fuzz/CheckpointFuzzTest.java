package org.mnistrecognition.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mnistrecognition.data.DataFormatException;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.training.Autosave;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.RunControl;
import org.mnistrecognition.training.RunStateFile;
import org.mnistrecognition.training.SyntheticData;
import org.mnistrecognition.training.Trainer;
import org.mnistrecognition.training.TrainingConfig;
import org.mnistrecognition.training.TrainingListener;

/**
 * Checkpoint files, which the app reads at every start: a valid one (of a run with momentum)
 * spoilt as bytes, with a spoilt entry, with extreme numbers in its description, and with arrays
 * claiming extreme shapes. Each read ends in a {@link DataFormatException} naming the file, or in
 * a state that can be resumed.
 */
class CheckpointFuzzTest {
    private static byte[] valid;
    @AutoClose
    private static final ReadCheck check = ReadCheck.inTemporaryFolder();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("checkpoint");
        Path file = dir.resolve("run.npz");
        TrainingConfig config = Preset.BEST.config(1).withArchitecture(new Architecture(List.of(64, 6, 10), Activation.RELU,
                Activation.SOFTMAX, true)).withIterations(1000).withThreads(1);
        Trainer trainer = new Trainer(config, SyntheticData.create(), new RunControl()).autosave(Autosave.everyIterations(128, file));
        try {
            trainer.run(new TrainingListener() {
                @Override
                public void saved(Path f, long iteration) {
                    throw new IllegalStateException("stop here");
                }
            });
        } catch (IllegalStateException stopped) {
            // the checkpoint stays, as after a crash
        }
        valid = Files.readAllBytes(file);
        Files.delete(file);
        Files.delete(dir);
    }

    private static void load(byte[] input) throws Exception {
        Reads.checkpoint(check, input);
    }

    /**
     * The checkpoint every property spoils, and the one in the seed corpus of {@link GuidedFuzzTest}
     * (written by {@link #start} once), are both read as checkpoints that can be resumed.
     */
    @Test
    void theValidCheckpointsAreRead() throws Exception {
        assertNull(Reads.checkpoint(check, valid));
        assertNull(Reads.checkpoint(check, Fixture.bytes("fuzz/GuidedFuzzTestInputs/checkpoint/run.npz")));
    }

    @TestFactory
    Stream<DynamicTest> spoiltArchiveBytes() {
        return Cases.of(400, Mutations.of(valid, 256, 512), CheckpointFuzzTest::load);
    }

    @TestFactory
    Stream<DynamicTest> soundArchivesWithASpoiltEntry() {
        return Cases.of(400, Archives.withOneEntrySpoilt(Archives.entries(valid), entry -> Mutations.of(entry, 128)),
                CheckpointFuzzTest::load);
    }

    /** The description ({@code run.json}) with one of its numbers (any of the first 61) replaced by an extreme one. */
    @TestFactory
    Stream<DynamicTest> descriptionsWithExtremeNumbers() {
        Map<String, byte[]> entries = Archives.entries(valid);
        String json = new String(entries.get(RunStateFile.ENTRY), StandardCharsets.UTF_8);
        Generator description = random -> {
            int which = random.nextInt(61);
            String value = Generator.pick(random, Mutations.EXTREME_NUMBERS);
            Map<String, byte[]> copy = new LinkedHashMap<>(entries);
            copy.put(RunStateFile.ENTRY, Mutations.replaceNumber(json, which, value).getBytes(StandardCharsets.UTF_8));
            return new Input(Archives.zip(copy, true), "number " + which + " of the description set to " + value);
        };
        return Cases.of(300, description, CheckpointFuzzTest::load);
    }

    @TestFactory
    Stream<DynamicTest> arraysWithExtremeShapes() {
        Map<String, byte[]> entries = Archives.entries(valid);
        List<String> arrays = entries.keySet().stream().filter(n -> n.endsWith(".npy")).toList();
        return Cases.of(200, Archives.withOneEntrySpoilt(entries, arrays, Mutations::npyWithExtremeNumber), CheckpointFuzzTest::load);
    }
}
