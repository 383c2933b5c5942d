package org.mnistrecognition.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mnistrecognition.data.DataFormatException;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.training.Autosave;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.RunControl;
import org.mnistrecognition.training.RunState;
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
    private static ReadCheck check;

    @BeforeContainer
    static void start() throws Exception {
        check = new ReadCheck();
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

    @AfterContainer
    static void end() throws Exception {
        check.close();
    }

    /** A deflated entry inflates ~1032 times at most, each byte of it a double (8 bytes) at most, twice over while arrays grow. */
    private static void load(byte[] input) throws Exception {
        check.check("run.npz", input, file -> {
            RunStateFile.summary(file);
            RunState state = RunStateFile.load(file);
            if (!state.network().isFinite() || state.iterations() >= state.totalIterations()) {
                throw new AssertionError("a state that cannot be resumed was read");
            }
        }, DataFormatException.class, (16L << 20) + 20_000L * input.length);
    }

    @Provide
    Arbitrary<byte[]> spoiltArchives() {
        return Mutations.of(valid, 256);
    }

    @Provide
    Arbitrary<byte[]> spoiltEntries() {
        Map<String, byte[]> entries = Archives.entries(valid);
        return Combinators.combine(Arbitraries.of(List.copyOf(entries.keySet())), Arbitraries.of(true, false))
                .flatAs((name, deflate) -> Mutations.of(entries.get(name), 128).map(spoilt -> {
                    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
                    copy.put(name, spoilt);
                    return Archives.zip(copy, deflate);
                }));
    }

    @Provide
    Arbitrary<byte[]> extremeNumbers() {
        Map<String, byte[]> entries = Archives.entries(valid);
        String json = new String(entries.get(RunStateFile.ENTRY), StandardCharsets.UTF_8);
        return Combinators.combine(Arbitraries.integers().between(0, 60), Arbitraries.of(Mutations.EXTREME_NUMBERS))
                .as((which, value) -> {
                    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
                    copy.put(RunStateFile.ENTRY, Mutations.replaceNumber(json, which, value).getBytes(StandardCharsets.UTF_8));
                    return Archives.zip(copy, true);
                });
    }

    @Provide
    Arbitrary<byte[]> extremeShapes() {
        Map<String, byte[]> entries = Archives.entries(valid);
        List<String> arrays = entries.keySet().stream().filter(n -> n.endsWith(".npy")).toList();
        return Arbitraries.of(arrays).flatMap(name -> Mutations.npyWithExtremeNumber(entries.get(name)).map(spoilt -> {
            Map<String, byte[]> copy = new LinkedHashMap<>(entries);
            copy.put(name, spoilt);
            return Archives.zip(copy, true);
        }));
    }

    @Property(tries = 400, seed = "20261125")
    void spoiltArchiveBytes(@ForAll("spoiltArchives") byte[] input) throws Exception {
        load(input);
    }

    @Property(tries = 400, seed = "20261125")
    void soundArchivesWithASpoiltEntry(@ForAll("spoiltEntries") byte[] input) throws Exception {
        load(input);
    }

    @Property(tries = 300, seed = "20261125")
    void descriptionsWithExtremeNumbers(@ForAll("extremeNumbers") byte[] input) throws Exception {
        load(input);
    }

    @Property(tries = 200, seed = "20261125")
    void arraysWithExtremeShapes(@ForAll("extremeShapes") byte[] input) throws Exception {
        load(input);
    }
}
