package org.mnistrecognition.fuzz;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Standalone {@code .npy} arrays: valid ones spoilt, and headers made up of every dtype, order and
 * shape (huge dimensions included) followed by too little or too much data.
 */
class NpyFuzzTest {
    private static final byte[] V1 = Fixture.bytes("data/npy/v1.npy");
    private static final byte[] V2 = Fixture.bytes("data/npy/v2.npy");
    private static final byte[] UINT8 = Fixture.bytes("data/npy/uint8.npy");
    private static final List<String> DESCRS = List.of("<f8", ">f4", "|u1", "<i2", ">u8", "|b1", "<f2", "<c16", "f8", "<f", "",
            "<f88888888888", "=i4", "|i8");
    private static final List<String> FORTRAN = List.of("False", "True", "0", "'no'");
    private static final List<Long> HUGE = List.of(0L, 1L << 31, (1L << 31) - 1, (1L << 32) + 3, 46_341L, 999_999_999_999_999_999L,
            10_000_000L);
    @AutoClose
    private static final ReadCheck check = ReadCheck.inTemporaryFolder();

    private static void read(byte[] input) throws Exception {
        Reads.npy(check, input);
    }

    /** A header of a random dtype, order and shape of up to 4 dimensions (small or huge), of a random format version. */
    private static Input madeUp(SplittableRandom random) {
        List<Long> dimensions = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            dimensions.add(random.nextBoolean() ? random.nextLong(6) : Generator.pick(random, HUGE));
        }
        String shape = "(" + dimensions.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (dimensions.size() == 1 ? ",)" : ")");
        String dict = "{'descr': '" + Generator.pick(random, DESCRS) + "', 'fortran_order': " + Generator.pick(random, FORTRAN)
                + ", 'shape': " + shape + ", }\n";
        byte[] data = Generator.bytes(random, random.nextInt(201));
        int version = Generator.pick(random, 1, 2, 3, 4, 0);
        return new Input(Mutations.npy(version, dict, data), "version " + version + ", " + dict.strip() + " and " + data.length
                + " bytes " + HexFormat.of().formatHex(data, 0, Math.min(8, data.length)) + (data.length > 8 ? "..." : ""));
    }

    @TestFactory
    Stream<DynamicTest> spoiltArrays() {
        return Cases.of(600, Generator.oneOf(Mutations.of(V1, 128), Mutations.of(V2, 128), Mutations.of(UINT8, 128)),
                NpyFuzzTest::read);
    }

    @TestFactory
    Stream<DynamicTest> madeUpHeaders() {
        return Cases.of(600, NpyFuzzTest::madeUp, NpyFuzzTest::read);
    }

    @TestFactory
    Stream<DynamicTest> headersClaimingBillionsOfValues() {
        return Stream.of("(2147483648,)", "(2147483631,)", "(2147483647, 784)", "(60000, 784)", "(100000000,)", "(1000000, 28, 28)")
                .map(shape -> DynamicTest.dynamicTest(shape, () -> read(
                        Mutations.npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }\n", new byte[64]))));
    }
}
