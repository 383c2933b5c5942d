package org.mnistrecognition.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The original program's {@code mnist.npz}: the archive spoilt as bytes, and archives whose
 * entries were spoilt before they were zipped (so that the zip itself is sound and the arrays'
 * headers and data are what is wrong).
 */
class MnistNpzFuzzTest {
    private static final byte[] VALID = Fixture.bytes("data/npz/valid-f64.npz");
    private static final byte[] COMPRESSED = Fixture.bytes("data/npz/valid-f32.npz");
    private static final Map<String, byte[]> ENTRIES = Archives.entries(VALID);
    @AutoClose
    private static final ReadCheck check = ReadCheck.inTemporaryFolder();

    private static void load(byte[] input) throws Exception {
        Reads.mnistNpz(check, input);
    }

    @TestFactory
    Stream<DynamicTest> spoiltArchiveBytes() {
        return Cases.of(500, Generator.oneOf(Mutations.of(VALID, 256, 512), Mutations.of(COMPRESSED, 256, 512)), MnistNpzFuzzTest::load);
    }

    @TestFactory
    Stream<DynamicTest> soundArchivesOfSpoiltArrays() {
        return Cases.of(500, Archives.withOneEntrySpoilt(ENTRIES, npy -> Mutations.of(npy, 128)), MnistNpzFuzzTest::load);
    }

    @TestFactory
    Stream<DynamicTest> arraysWithExtremeShapes() {
        return Cases.of(300, Archives.withOneEntrySpoilt(ENTRIES, Mutations::npyWithExtremeNumber), MnistNpzFuzzTest::load);
    }

    /**
     * Training sets whose labels are all there (n of them, up to a million: zeros, which deflate to
     * almost nothing) and whose images, claiming n rows of 28x28, stop after a few bytes: the
     * pixels must cost no more than the bytes that came, whatever the header claims.
     */
    @TestFactory
    Stream<DynamicTest> labelsThereImagesCutShort() {
        Generator archives = random -> {
            int n = random.nextBoolean() ? 1 + random.nextInt(1_000_000) : 1 + random.nextInt(100_000);
            String dtype = Generator.pick(random, "|u1", "<f4", "<f8");
            byte[] data = Generator.bytes(random, random.nextInt(3_000));
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("training_images.npy", Mutations.npy(1, "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': ("
                    + n + ", 28, 28), }\n", data));
            entries.put("training_labels.npy", Mutations.npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (" + n + ",), }\n",
                    new byte[n]));
            return new Input(Archives.zip(entries, true), n + " labels, " + dtype + " images of " + data.length + " bytes");
        };
        return Cases.of(40, archives, MnistNpzFuzzTest::load);
    }

    /**
     * The training images and labels both claiming the same number of rows (number 1 of a header:
     * 0 is the 8 of '<f8'), each extreme number, deflated and stored.
     */
    @TestFactory
    Stream<DynamicTest> imagesAndLabelsClaimingTheSameHugeCount() {
        return Mutations.EXTREME_NUMBERS.stream().flatMap(n -> Stream.of(true, false).map(deflate -> {
            UnaryOperator<byte[]> claim = npy -> Mutations.npyWithNumber(npy, 1, n);
            Map<String, byte[]> copy = new LinkedHashMap<>(ENTRIES);
            copy.put("training_images.npy", claim.apply(ENTRIES.get("training_images.npy")));
            copy.put("training_labels.npy", claim.apply(ENTRIES.get("training_labels.npy")));
            byte[] input = Archives.zip(copy, deflate);
            return DynamicTest.dynamicTest(n + " rows, " + (deflate ? "deflated" : "stored"), () -> load(input));
        }));
    }
}
