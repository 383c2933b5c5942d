package org.mnistrecognition.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.mnistrecognition.model.ModelFile;

/**
 * Coverage-guided fuzz targets (Jazzer) for the same readers as the seeded fuzz tests, with the
 * same checks ({@link Reads}): each input ends in the reader's own error naming the file, or in a
 * correct read, within the allocation bound, without hanging.
 *
 * <p>In a normal build Jazzer runs each target once per file of its seed corpus,
 * {@code src/test/resources/org/mnistrecognition/fuzz/GuidedFuzzTestInputs/<target>/}, plus an
 * empty input. The seeds are copies of the readers' test fixtures, the {@code metadata.json} of
 * two model fixtures, the checkpoint {@link CheckpointFuzzTest} writes (which it checks is still
 * read), the run records and settings {@link JsonRecordFuzzTest} starts from, the JPEG, GIF and BMP {@link ImageFilesFuzzTest} draws, and the inputs fuzzing sessions
 * found failing. With {@code JAZZER_FUZZ=1} it fuzzes one target, guided by coverage; see the README for
 * the command. The surefire execution {@code fuzz-targets} runs these in a JVM of their own, as
 * Jazzer installs an agent in the JVM it runs in.
 */
class GuidedFuzzTest {
    private static final Map<String, byte[]> MODEL = Archives.entries(Fixture.bytes("model/numpy-model.npz"));
    @AutoClose
    private static final ReadCheck check = ReadCheck.inTemporaryFolder();

    /** An IDX image file, raw or gzipped (the reader tells them by their first two bytes). */
    @FuzzTest
    void idxImages(byte[] input) throws Exception {
        named(input, () -> Reads.idxImages(check, "images.idx", input));
    }

    /** An IDX label file, raw or gzipped. */
    @FuzzTest
    void idxLabels(byte[] input) throws Exception {
        named(input, () -> Reads.idxLabels(check, "labels.idx", input));
    }

    /** A {@code .npy} array of any version, dtype and shape. */
    @FuzzTest
    void npyArray(byte[] input) throws Exception {
        named(input, () -> Reads.npy(check, input));
    }

    /** A data set in the original program's {@code mnist.npz} form. */
    @FuzzTest
    void mnistNpz(byte[] input) throws Exception {
        named(input, () -> Reads.mnistNpz(check, input));
    }

    /** A model file as a whole. */
    @FuzzTest
    void modelFile(byte[] input) throws Exception {
        named(input, () -> Reads.model(check, input));
    }

    /**
     * A model file whose {@code metadata.json} is the input and whose arrays are those of a valid
     * model: the fuzzer works on the JSON directly, rather than through the zip around it.
     */
    @FuzzTest
    void modelMetadata(byte[] input) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(MODEL);
        entries.put(ModelFile.METADATA, input);
        named(input, () -> Reads.model(check, Archives.zip(entries, false)));
    }

    /** A training run's checkpoint. */
    @FuzzTest
    void checkpoint(byte[] input) throws Exception {
        named(input, () -> Reads.checkpoint(check, input));
    }

    /** A run's record in the history ({@code run.json}). */
    @FuzzTest
    void runRecord(byte[] input) throws Exception {
        named(input, () -> Reads.runRecord(check, input));
    }

    /** The app's settings ({@code settings.json}). */
    @FuzzTest
    void settings(byte[] input) throws Exception {
        named(input, () -> Reads.settings(check, input));
    }

    /** A picture of a digit in any format ImageIO reads. */
    @FuzzTest
    void imageFile(byte[] input) throws Exception {
        named(input, () -> Reads.image(check, "digit.png", input));
    }

    /** A read of one input. */
    @FunctionalInterface
    private interface Read {
        void run() throws Exception;
    }

    /**
     * Runs {@code read}, a failure naming the input by its SHA-1, the name libFuzzer gives a failing
     * input ({@code crash-<sha1>}) and by which {@code sha1sum} finds a seed.
     */
    private static void named(byte[] input, Read read) throws Exception {
        try {
            read.run();
        } catch (AssertionError e) {
            String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(input));
            throw new AssertionError("input " + sha1 + " (" + input.length + " bytes): " + e.getMessage(), e);
        }
    }
}
