package org.mnistrecognition.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

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

    /** A spoilt copy of {@code base}, its header fields looked for in the first {@code headerBytes} bytes. */
    static Arbitrary<byte[]> of(byte[] base, int headerBytes) {
        int n = base.length;
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, Math.max(0, n - 1))
                .map(cut -> Arrays.copyOf(base, cut));
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, n * 8 - 1).list().ofMinSize(1).ofMaxSize(8)
                .map(bits -> {
                    byte[] b = base.clone();
                    for (int bit : bits) {
                        b[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    return b;
                });
        Arbitrary<byte[]> field = Combinators.combine(
                Arbitraries.integers().between(0, Math.max(0, Math.min(n, headerBytes) - 4)),
                Arbitraries.of(EXTREMES), Arbitraries.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN))
                .as((at, value, order) -> {
                    byte[] b = base.clone();
                    if (b.length >= at + 4) {
                        ByteBuffer.wrap(b).order(order).putInt(at, value);
                    }
                    return b;
                });
        Arbitrary<byte[]> spliced = Combinators.combine(Arbitraries.integers().between(0, n),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64))
                .as((at, junk) -> {
                    byte[] b = base.clone();
                    for (int i = 0; i < junk.length && at + i < n; i++) {
                        b[at + i] = junk[i];
                    }
                    return b;
                });
        Arbitrary<byte[]> appended = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300)
                .map(junk -> concat(base, junk));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(Math.max(16, 2 * n));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, truncated),
                net.jqwik.api.Tuple.of(4, flipped),
                net.jqwik.api.Tuple.of(4, field),
                net.jqwik.api.Tuple.of(2, spliced),
                net.jqwik.api.Tuple.of(1, appended),
                net.jqwik.api.Tuple.of(1, random));
    }

    /** A spoilt copy of {@code base} passed through {@code wrap} (e.g. gzip), so the fields inside are spoilt. */
    static Arbitrary<byte[]> inside(byte[] base, int headerBytes, Function<byte[], byte[]> wrap) {
        return of(base, headerBytes).map(wrap::apply);
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

    /** {@link #npyWithNumber} for any number and any extreme value. */
    static Arbitrary<byte[]> npyWithExtremeNumber(byte[] npy) {
        return Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.of(EXTREME_NUMBERS))
                .as((which, value) -> npyWithNumber(npy, which, value));
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
