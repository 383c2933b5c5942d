package org.mnistrecognition.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The ways the fuzz tests spoil a valid file: cut it short, flip bits, overwrite a 32-bit field
 * with an extreme value (in either byte order), splice in random bytes, append junk, or replace it
 * with random bytes altogether.
 */
final class Mutations {
    /** Values a header field is set to: zero, negative, at and around 2^31, 2^32 - 1, and large. */
    static final List<Integer> EXTREMES = List.of(0, 1, -1, 2, 255, 256, 65_535, 65_536, 10_000_000, 10_000_001,
            46_341, 1 << 20, 1 << 30, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 15, 0x7FFF_FFF0);

    private Mutations() {
    }

    /**
     * Spoilt copies of {@code base}, its header fields looked for in the first {@code headerBytes}
     * bytes: cut short (3 in 15), bits flipped (4), a 32-bit field set to an {@link #EXTREMES
     * extreme} (4), random bytes written over it (2) or appended (1), or random bytes instead (1).
     * Its edges: the file empty, cut to one byte, cut at the end of the header and one byte short
     * of its end, and each 32-bit word of the first 24 bytes set to 0, 2^31 and 2^32 - 1 in either
     * byte order.
     */
    static Generator of(byte[] base, int headerBytes) {
        return of(base, headerBytes, 0);
    }

    /**
     * {@link #of(byte[], int)} for a file with fields at its end as well, in its last
     * {@code trailerBytes} bytes (a zip's central directory and end record): half the field
     * mutations go there.
     */
    static Generator of(byte[] base, int headerBytes, int trailerBytes) {
        int n = base.length;
        int header = Math.min(n, headerBytes);
        int trailer = Math.min(n, trailerBytes);
        Generator truncated = random -> cut(base, random.nextInt(Math.max(1, n)));
        Generator flipped = random -> {
            int[] bits = random.ints(1 + random.nextInt(8), 0, n * 8).toArray();
            byte[] b = base.clone();
            for (int bit : bits) {
                b[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            return new Input(b, "bits " + Arrays.toString(bits) + " flipped");
        };
        Generator field = random -> {
            int at = trailer >= 4 && random.nextBoolean() ? n - 4 - random.nextInt(trailer - 3)
                    : random.nextInt(Math.max(0, header - 4) + 1);
            return field(base, at, Generator.pick(random, EXTREMES),
                    random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        };
        Generator spliced = random -> {
            int at = random.nextInt(n + 1);
            byte[] junk = Generator.bytes(random, 1 + random.nextInt(64));
            byte[] b = base.clone();
            System.arraycopy(junk, 0, b, at, Math.min(junk.length, n - at));
            return new Input(b, HexFormat.of().formatHex(junk) + " written at " + at);
        };
        Generator appended = random -> {
            byte[] junk = Generator.bytes(random, 1 + random.nextInt(300));
            return new Input(concat(base, junk), junk.length + " random bytes appended");
        };
        Generator replaced = random -> {
            byte[] junk = Generator.bytes(random, random.nextInt(Math.max(16, 2 * n) + 1));
            return new Input(junk, junk.length + " random bytes " + HexFormat.of().formatHex(junk, 0, Math.min(16, junk.length))
                    + (junk.length > 16 ? "..." : ""));
        };
        List<Input> edges = new ArrayList<>();
        for (int cut : new int[] {0, 1, header, n - 1}) {
            if (cut < n && edges.stream().noneMatch(e -> e.bytes().length == cut)) {
                edges.add(cut(base, cut));
            }
        }
        for (int at = 0; at + 4 <= Math.min(header, 24); at += 4) {
            for (int value : new int[] {0, Integer.MIN_VALUE, -1}) {
                edges.add(field(base, at, value, ByteOrder.BIG_ENDIAN));
                edges.add(field(base, at, value, ByteOrder.LITTLE_ENDIAN));
            }
        }
        return Generator.choice(new int[] {3, 4, 4, 2, 1, 1}, truncated, flipped, field, spliced, appended, replaced)
                .withEdges(edges);
    }

    /** The first {@code length} bytes of {@code base}. */
    static Input cut(byte[] base, int length) {
        return new Input(Arrays.copyOf(base, length), "cut to " + length + " of " + base.length + " bytes");
    }

    /** {@code base} with the 32-bit field at {@code at} set to {@code value}, unless the file is too short for it. */
    static Input field(byte[] base, int at, int value, ByteOrder order) {
        byte[] b = base.clone();
        if (b.length >= at + 4) {
            ByteBuffer.wrap(b).order(order).putInt(at, value);
        }
        return new Input(b, String.format("%s written %s at byte %d", Integer.toUnsignedString(value),
                order == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian", at));
    }

    /** Numbers a header's text is given: shapes of billions, negative, zero, overflowing. */
    static final List<String> EXTREME_NUMBERS = List.of("0", "-1", "2147483647", "2147483648", "4294967296",
            "100000", "46341", "1000000", "10000000", "9223372036854775807", "99999999999999999999", "1.5", "1e308");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(e\\d+)?");

    /** {@code text} with its {@code which}-th number (counted modulo how many there are) replaced by {@code value}. */
    static String replaceNumber(String text, int which, String value) {
        Matcher m = NUMBER.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (count == 0) {
            return text;
        }
        m.reset();
        for (int i = 0; i <= which % count; i++) {
            m.find();
        }
        return text.substring(0, m.start()) + value + text.substring(m.end());
    }

    /**
     * A version 1.0 {@code .npy} array whose header (its dict text) has one number replaced, the
     * header's length field updated to match, and the data left as it was.
     */
    static byte[] npyWithNumber(byte[] npy, int which, String value) {
        if (npy.length < 10 || npy[6] != 1) {
            return npy;
        }
        int length = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        if (10 + length > npy.length) {
            return npy;
        }
        String header = new String(npy, 10, length, StandardCharsets.ISO_8859_1);
        byte[] text = replaceNumber(header, which, value).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length + npy.length - 10 - length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(npy, 0, 8).putShort((short) text.length).put(text).put(npy, 10 + length, npy.length - 10 - length);
        return b.array();
    }

    /** {@link #npyWithNumber}: any of the first 21 numbers of the header set to any extreme one. */
    static Generator npyWithExtremeNumber(byte[] npy) {
        return random -> {
            int which = random.nextInt(21);
            String value = Generator.pick(random, EXTREME_NUMBERS);
            return new Input(npyWithNumber(npy, which, value), "number " + which + " of the header set to " + value);
        };
    }

    /** An array of format {@code version} whose header is {@code dict}, followed by {@code data}. */
    static byte[] npy(int version, String dict, byte[] data) {
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(12 + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
        if (version == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        b.put(text).put(data);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
