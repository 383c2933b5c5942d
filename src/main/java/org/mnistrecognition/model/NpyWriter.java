package org.mnistrecognition.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a numpy {@code .npy} array of float64 values: little-endian, C order, format version 1.0
 * with its header padded with spaces to a multiple of 64 bytes, as numpy itself writes it.
 */
public final class NpyWriter {
    private static final int CHUNK = 8192;

    private NpyWriter() {
    }

    /**
     * Writes one array.
     *
     * @param shape the length of each dimension, outermost first
     * @param values the {@code shape[0] × shape[1] × ...} values in C (row-major) order
     */
    public static void write(OutputStream out, int[] shape, double[] values) throws IOException {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape holds " + n + " values, got " + values.length);
        }
        out.write(header(shape));
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i += CHUNK) {
            int m = Math.min(CHUNK, values.length - i);
            buffer.clear();
            buffer.asDoubleBuffer().put(values, i, m);
            out.write(buffer.array(), 0, m * Double.BYTES);
        }
    }

    /** The magic, version, length and dict of a float64 C-order array of this shape, a multiple of 64 bytes long. */
    static byte[] header(int[] shape) {
        StringBuilder tuple = new StringBuilder("(");
        for (int d = 0; d < shape.length; d++) {
            tuple.append(d == 0 ? "" : ", ").append(shape[d]);
        }
        tuple.append(shape.length == 1 ? ",)" : ")");
        StringBuilder dict = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': ")
                .append(tuple).append(", }");
        int preamble = 10;
        int total = preamble + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        dict.append(" ".repeat(padded - total)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(preamble + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) text.length).put(text);
        return b.array();
    }
}
