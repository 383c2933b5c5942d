package org.mnistrecognition.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mnistrecognition.model.ModelFile;

/**
 * Model files: a valid one spoilt as bytes, sound archives with a spoilt entry, and metadata whose
 * numbers were replaced by extreme ones (layers of two billion units included), so that the
 * arrays must be checked against the metadata before they are read.
 */
class ModelFileFuzzTest {
    private static final byte[] VALID = Fixture.bytes("model/numpy-model.npz");
    private static final Map<String, byte[]> ENTRIES = Archives.entries(VALID);
    @AutoClose
    private static final ReadCheck check = ReadCheck.inTemporaryFolder();

    private static void load(byte[] input) throws Exception {
        Reads.model(check, input);
    }

    @TestFactory
    Stream<DynamicTest> arraysWithExtremeShapes() {
        var arrays = ENTRIES.keySet().stream().filter(name -> name.endsWith(".npy")).toList();
        return Cases.of(300, Archives.withOneEntrySpoilt(ENTRIES, arrays, Mutations::npyWithExtremeNumber), ModelFileFuzzTest::load);
    }

    @TestFactory
    Stream<DynamicTest> spoiltArchiveBytes() {
        return Cases.of(500, Mutations.of(VALID, 256, 512), ModelFileFuzzTest::load);
    }

    @TestFactory
    Stream<DynamicTest> soundArchivesWithASpoiltEntry() {
        return Cases.of(500, Archives.withOneEntrySpoilt(ENTRIES, entry -> Mutations.of(entry, 128)), ModelFileFuzzTest::load);
    }

    /** The metadata with two of its numbers (any of the first 201) replaced by extreme ones. */
    @TestFactory
    Stream<DynamicTest> metadataWithExtremeNumbers() {
        String json = new String(ENTRIES.get(ModelFile.METADATA), StandardCharsets.UTF_8);
        Generator metadata = random -> {
            int i = random.nextInt(201);
            String a = Generator.pick(random, Mutations.EXTREME_NUMBERS);
            int j = random.nextInt(201);
            String b = Generator.pick(random, Mutations.EXTREME_NUMBERS);
            Map<String, byte[]> copy = new LinkedHashMap<>(ENTRIES);
            String spoilt = Mutations.replaceNumber(Mutations.replaceNumber(json, i, a), j, b);
            copy.put(ModelFile.METADATA, spoilt.getBytes(StandardCharsets.UTF_8));
            return new Input(Archives.zip(copy, true), "numbers " + i + " and " + j + " of the metadata set to " + a + " and " + b);
        };
        return Cases.of(300, metadata, ModelFileFuzzTest::load);
    }
}
