package org.mnistrecognition.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mnistrecognition.data.DataFormatException;
import org.mnistrecognition.data.NpyArray;
import org.mnistrecognition.data.NpyReader;

/**
 * Standalone {@code .npy} arrays: valid ones spoilt, and headers made up of every dtype, order and
 * shape (huge dimensions included) followed by too little or too much data.
 */
class NpyFuzzTest {
    private static final byte[] V1 = Fixture.bytes("data/npy/v1.npy");
    private static final byte[] V2 = Fixture.bytes("data/npy/v2.npy");
    private static final byte[] UINT8 = Fixture.bytes("data/npy/uint8.npy");
    private static ReadCheck check;

    @BeforeContainer
    static void start() throws Exception {
        check = new ReadCheck();
    }

    @AfterContainer
    static void end() throws Exception {
        check.close();
    }

    /** Values come only from the stream: a double (8 bytes) per byte at most, twice over while the array grows. */
    private static void read(byte[] input) throws Exception {
        check.check("array.npy", input, file -> {
            NpyArray array = NpyReader.read(file);
            long n = 1;
            for (int d : array.shape()) {
                n *= d;
            }
            if (n != array.values().length) {
                throw new AssertionError("shape " + array.shapeText() + " with " + array.values().length + " values");
            }
        }, DataFormatException.class, (16L << 20) + 16L * input.length);
    }

    @Provide
    Arbitrary<byte[]> spoilt() {
        return Arbitraries.oneOf(Mutations.of(V1, 128), Mutations.of(V2, 128), Mutations.of(UINT8, 128));
    }

    @Provide
    Arbitrary<byte[]> madeUp() {
        Arbitrary<String> descr = Arbitraries.of("<f8", ">f4", "|u1", "<i2", ">u8", "|b1", "<f2", "<c16", "f8", "<f", "",
                "<f88888888888", "=i4", "|i8");
        Arbitrary<String> fortran = Arbitraries.of("False", "True", "0", "'no'");
        Arbitrary<Long> dimension = Arbitraries.oneOf(Arbitraries.longs().between(0, 5),
                Arbitraries.of(0L, 1L << 31, (1L << 31) - 1, (1L << 32) + 3, 46_341L, 999_999_999_999_999_999L, 10_000_000L));
        Arbitrary<String> shape = dimension.list().ofMaxSize(4)
                .map(ds -> "(" + ds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + (ds.size() == 1 ? ",)" : ")"));
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<Integer> version = Arbitraries.of(1, 2, 3, 4, 0);
        return Combinators.combine(descr, fortran, shape, data, version).as((d, f, s, bytes, v) -> {
            String dict = "{'descr': '" + d + "', 'fortran_order': " + f + ", 'shape': " + s + ", }\n";
            byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
            ByteBuffer b = ByteBuffer.allocate(12 + text.length + bytes.length).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) (int) v).put((byte) 0);
            if (v == 1) {
                b.putShort((short) text.length);
            } else {
                b.putInt(text.length);
            }
            b.put(text).put(bytes);
            byte[] out = new byte[b.position()];
            b.flip().get(out);
            return out;
        });
    }

    @Property(tries = 600, seed = "20261125")
    void spoiltArrays(@ForAll("spoilt") byte[] input) throws Exception {
        read(input);
    }

    @Property(tries = 600, seed = "20261125")
    void madeUpHeaders(@ForAll("madeUp") byte[] input) throws Exception {
        read(input);
    }

    @Property(tries = 10, seed = "20261125")
    void headersClaimingBillionsOfValues(@ForAll("hugeShapes") String shape) throws Exception {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }\n";
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) text.length).put(text).put(new byte[64]);
        read(b.array());
    }

    @Provide
    Arbitrary<String> hugeShapes() {
        return Arbitraries.of(List.of("(2147483648,)", "(2147483631,)", "(2147483647, 784)", "(60000, 784)",
                "(100000000,)", "(1000000, 28, 28)"));
    }
}
