package org.mnistrecognition.fuzz;

import java.nio.charset.StandardCharsets;
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
import org.mnistrecognition.model.Model;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.model.ModelFormatException;

/**
 * Model files: a valid one spoilt as bytes, sound archives with a spoilt entry, and metadata whose
 * numbers were replaced by extreme ones (layers of two billion units included), so that the
 * arrays must be checked against the metadata before they are read.
 */
class ModelFileFuzzTest {
    private static final byte[] VALID = Fixture.bytes("model/numpy-model.npz");
    private static ReadCheck check;

    @BeforeContainer
    static void start() throws Exception {
        check = new ReadCheck();
    }

    @AfterContainer
    static void end() throws Exception {
        check.close();
    }

    /** A deflated entry inflates ~1032 times at most, each byte of it a double (8 bytes) at most, twice over while arrays grow. */
    private static void load(byte[] input) throws Exception {
        check.check("model.npz", input, file -> {
            Model model = ModelFile.load(file);
            if (!model.network().isFinite()) {
                throw new AssertionError("a model with weights that are not finite was read");
            }
        }, ModelFormatException.class, (16L << 20) + 20_000L * input.length);
    }

    @Provide
    Arbitrary<byte[]> spoiltArchives() {
        return Mutations.of(VALID, 256);
    }

    @Provide
    Arbitrary<byte[]> spoiltEntries() {
        Map<String, byte[]> valid = Archives.entries(VALID);
        List<String> names = List.copyOf(valid.keySet());
        return Combinators.combine(Arbitraries.of(names), Arbitraries.of(true, false)).flatAs((name, deflate) ->
                Mutations.of(valid.get(name), 128).map(spoilt -> {
                    Map<String, byte[]> copy = new LinkedHashMap<>(valid);
                    copy.put(name, spoilt);
                    return Archives.zip(copy, deflate);
                }));
    }

    @Provide
    Arbitrary<byte[]> extremeMetadata() {
        Map<String, byte[]> valid = Archives.entries(VALID);
        String json = new String(valid.get(ModelFile.METADATA), StandardCharsets.UTF_8);
        return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.of(Mutations.EXTREME_NUMBERS),
                Arbitraries.integers().between(0, 200), Arbitraries.of(Mutations.EXTREME_NUMBERS)).as((i, a, j, b) -> {
                    Map<String, byte[]> copy = new LinkedHashMap<>(valid);
                    String spoilt = Mutations.replaceNumber(Mutations.replaceNumber(json, i, a), j, b);
                    copy.put(ModelFile.METADATA, spoilt.getBytes(StandardCharsets.UTF_8));
                    return Archives.zip(copy, true);
                });
    }

    @Provide
    Arbitrary<byte[]> extremeShapes() {
        Map<String, byte[]> valid = Archives.entries(VALID);
        List<String> arrays = valid.keySet().stream().filter(n -> n.endsWith(".npy")).toList();
        return Combinators.combine(Arbitraries.of(arrays), Arbitraries.of(true, false)).flatAs((name, deflate) ->
                Mutations.npyWithExtremeNumber(valid.get(name)).map(spoilt -> {
                    Map<String, byte[]> copy = new LinkedHashMap<>(valid);
                    copy.put(name, spoilt);
                    return Archives.zip(copy, deflate);
                }));
    }

    @Property(tries = 300, seed = "20261125")
    void arraysWithExtremeShapes(@ForAll("extremeShapes") byte[] input) throws Exception {
        load(input);
    }

    @Property(tries = 500, seed = "20261125")
    void spoiltArchiveBytes(@ForAll("spoiltArchives") byte[] input) throws Exception {
        load(input);
    }

    @Property(tries = 500, seed = "20261125")
    void soundArchivesWithASpoiltEntry(@ForAll("spoiltEntries") byte[] input) throws Exception {
        load(input);
    }

    @Property(tries = 300, seed = "20261125")
    void metadataWithExtremeNumbers(@ForAll("extremeMetadata") byte[] input) throws Exception {
        load(input);
    }
}
