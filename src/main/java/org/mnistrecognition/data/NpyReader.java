package org.mnistrecognition.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * Reads one numpy {@code .npy} array (format versions 1.0, 2.0 and 3.0) from a stream: its header
 * on {@link #open}, then its values, converted to doubles, in one go ({@link #readAll}) or in parts
 * ({@link #read}) so that a large array need never be held whole.
 *
 * <p>Supported: C-order arrays of {@code float32}/{@code float64}, signed and unsigned integers of
 * 1, 2, 4 and 8 bytes and {@code bool}, either byte order. Fortran-order and structured arrays are
 * refused. Every error is a {@link DataFormatException} naming the file and, inside an
 * {@code .npz}, the entry.
 */
public final class NpyReader implements Closeable {
    /** The most values one array may hold. */
    public static final long MAX_VALUES = Integer.MAX_VALUE - 16;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 20;
    private static final int CHUNK_VALUES = 8192;
    private static final int FIRST_ALLOCATION = 1 << 20;

    /**
     * A parsed {@code .npy} header.
     *
     * @param dtype the numpy type string, e.g. {@code "<f4"}
     * @param shape the length of each dimension, outermost first
     */
    public record Header(String dtype, int[] shape) {

        public Header {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** The number of values: the product of the shape. */
        public long count() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private final Path file;
    private final String entry;
    private final InputStream in;
    private final Header header;
    private final char kind;
    private final int itemSize;
    private final ByteOrder order;
    /** Raw bytes of the next chunk of values, {@code CHUNK_VALUES × itemSize}. */
    private final byte[] buffer;
    private final ByteBuffer view;
    private long done;

    private NpyReader(Path file, String entry, InputStream in, Header header, char kind, int itemSize, ByteOrder order) {
        this.file = file;
        this.entry = entry;
        this.in = in;
        this.header = header;
        this.kind = kind;
        this.itemSize = itemSize;
        this.order = order;
        this.buffer = new byte[CHUNK_VALUES * itemSize];
        this.view = ByteBuffer.wrap(buffer).order(order);
    }

    /**
     * Reads and checks the header of the array {@code in} holds; closing the reader closes {@code in}.
     *
     * @param file the file to name in errors
     * @param entry the entry inside {@code file} to name in errors (e.g. {@code "W1.npy"}), or null
     */
    public static NpyReader open(InputStream in, Path file, String entry) throws IOException {
        InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        Header header;
        try {
            header = readHeader(buffered, file, entry);
        } catch (EOFException e) {
            throw error(file, entry, "truncated or corrupt compressed data in the header", e);
        } catch (ZipException e) {
            throw error(file, entry, "corrupt compressed data: " + e.getMessage(), e);
        }
        String descr = header.dtype();
        char orderChar = descr.charAt(0);
        char kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            size = -1;
        }
        boolean known = switch (kind) {
            case 'f' -> size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'b' -> size == 1;
            default -> false;
        };
        if (!known || "<>|=".indexOf(orderChar) < 0 || (orderChar == '|' && size != 1)) {
            throw error(file, entry, "unsupported dtype '" + descr
                    + "' (supported: float32, float64, signed and unsigned integers, bool)", null);
        }
        ByteOrder order = orderChar == '>' ? ByteOrder.BIG_ENDIAN
                : orderChar == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
        return new NpyReader(file, entry, buffered, header, kind, size, order);
    }

    /** Reads a whole standalone {@code .npy} file. */
    public static NpyArray read(Path npyFile) throws IOException {
        try (NpyReader npy = open(Files.newInputStream(npyFile), npyFile, null)) {
            return npy.readAll();
        }
    }

    public Header header() {
        return header;
    }

    public String dtype() {
        return header.dtype();
    }

    /** A copy of the array's shape. */
    public int[] shape() {
        return header.shape();
    }

    /** Whether the values are floating point ({@code f4}/{@code f8}) rather than integers or bools. */
    public boolean isFloat() {
        return kind == 'f';
    }

    /**
     * Reads every value that is left (all of them on a fresh reader), checks nothing follows, and
     * returns them with the header. The array grows as values arrive, so a header claiming more
     * than the stream holds costs no more memory than the stream does.
     */
    public NpyArray readAll() throws IOException {
        long left = header.count() - done;
        double[] values = new double[(int) Math.min(left, FIRST_ALLOCATION)];
        int filled = 0;
        while (filled < left) {
            if (filled == values.length) {
                int grown = (int) Math.min(left, 2L * values.length);
                HeapRoom.require(file, entry == null ? "the array" : entry, (long) grown * Double.BYTES);
                values = Arrays.copyOf(values, grown);
            }
            int n = values.length - filled;
            read(values, filled, n);
            filled += n;
        }
        finish();
        return new NpyArray(header.dtype(), header.shape(), values);
    }

    /**
     * Reads the next {@code n} values, in C order, converted to doubles.
     *
     * @param dst receives them at {@code dst[off..off+n)}
     */
    public void read(double[] dst, int off, int n) throws IOException {
        if (n > header.count() - done) {
            throw new IllegalArgumentException("cannot read " + n + " more values: " + (header.count() - done) + " left");
        }
        int k = 0;
        while (k < n) {
            int chunk = Math.min(CHUNK_VALUES, n - k);
            int bytes = chunk * itemSize;
            int got = readFully(buffer, bytes);
            if (got < bytes) {
                long total = header.count() * itemSize;
                throw error(file, entry, "truncated: shape " + NpyArray.shapeText(header.shape()) + " of " + header.dtype()
                        + " needs " + total + " bytes of data, found " + ((done + k) * itemSize + got), null);
            }
            convert(dst, off + k, chunk);
            k += chunk;
        }
        done += n;
    }

    /** Checks that every value was read and that nothing follows them. */
    public void finish() throws IOException {
        if (done != header.count()) {
            throw new IllegalStateException(done + " of " + header.count() + " values read");
        }
        long extra = 0;
        for (int r = readFully(buffer, buffer.length); r > 0; r = readFully(buffer, buffer.length)) {
            extra += r;
        }
        if (extra > 0) {
            throw error(file, entry, extra + " bytes of trailing data after the " + header.count() + " values of shape "
                    + NpyArray.shapeText(header.shape()), null);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void convert(double[] dst, int off, int n) {
        ByteBuffer b = view;
        for (int i = 0; i < n; i++) {
            int p = i * itemSize;
            dst[off + i] = switch (kind) {
                case 'f' -> itemSize == 4 ? b.getFloat(p) : b.getDouble(p);
                case 'b' -> buffer[p] != 0 ? 1 : 0;
                case 'i' -> switch (itemSize) {
                    case 1 -> buffer[p];
                    case 2 -> b.getShort(p);
                    case 4 -> b.getInt(p);
                    default -> b.getLong(p);
                };
                default -> switch (itemSize) {
                    case 1 -> buffer[p] & 0xFF;
                    case 2 -> b.getShort(p) & 0xFFFF;
                    case 4 -> b.getInt(p) & 0xFFFFFFFFL;
                    default -> unsigned(b.getLong(p));
                };
            };
        }
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    private int readFully(byte[] b, int n) throws IOException {
        int filled = 0;
        try {
            while (filled < n) {
                int r = in.read(b, filled, n - filled);
                if (r < 0) {
                    break;
                }
                filled += r;
            }
        } catch (EOFException e) {
            throw error(file, entry, "truncated or corrupt compressed data", e);
        } catch (ZipException e) {
            throw error(file, entry, "corrupt compressed data: " + e.getMessage(), e);
        }
        return filled;
    }

    private static Header readHeader(InputStream in, Path file, String entry) throws IOException {
        byte[] start = in.readNBytes(8);
        if (start.length < 8 || !Arrays.equals(Arrays.copyOf(start, 6), MAGIC)) {
            throw error(file, entry, start.length == 0 ? "empty, expected a numpy .npy array"
                    : "not a numpy .npy array (it does not start with \\x93NUMPY)", null);
        }
        int major = start[6];
        if (major < 1 || major > 3) {
            throw error(file, entry, "unsupported .npy format version " + major + "." + start[7] + " (this program reads 1.0 to 3.0)", null);
        }
        byte[] len = in.readNBytes(major == 1 ? 2 : 4);
        if (len.length < (major == 1 ? 2 : 4)) {
            throw error(file, entry, "truncated header", null);
        }
        long headerLength = major == 1 ? (len[0] & 0xFF) | (len[1] & 0xFF) << 8
                : ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (headerLength > MAX_HEADER) {
            throw error(file, entry, "header of " + headerLength + " bytes is implausibly long", null);
        }
        byte[] text = in.readNBytes((int) headerLength);
        if (text.length < headerLength) {
            throw error(file, entry, "truncated header: " + text.length + " of " + headerLength + " bytes", null);
        }
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parseHeader(dict, file, entry);
    }

    private static Header parseHeader(String text, Path file, String entry) throws DataFormatException {
        Map<String, Object> dict;
        try {
            dict = new DictParser(text).parse();
        } catch (IllegalArgumentException e) {
            throw error(file, entry, "malformed header: " + e.getMessage() + " in " + excerpt(text), null);
        }
        for (String key : new String[] {"descr", "fortran_order", "shape"}) {
            if (!dict.containsKey(key)) {
                throw error(file, entry, "malformed header: no '" + key + "' in " + excerpt(text), null);
            }
        }
        if (!(dict.get("descr") instanceof String descr) || descr.length() < 3) {
            throw error(file, entry, "unsupported dtype " + dict.get("descr") + " (structured arrays are not supported)", null);
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw error(file, entry, "malformed header: 'fortran_order' must be True or False", null);
        }
        if (fortran) {
            throw error(file, entry, "the array is in Fortran order; save it in C order (numpy.ascontiguousarray)", null);
        }
        if (!(dict.get("shape") instanceof long[] dims)) {
            throw error(file, entry, "malformed header: 'shape' must be a tuple of whole numbers", null);
        }
        int[] shape = new int[dims.length];
        long count = 1;
        for (int d = 0; d < dims.length; d++) {
            if (dims[d] < 0 || dims[d] > MAX_VALUES) {
                throw error(file, entry, "malformed header: dimension " + dims[d] + " in the shape", null);
            }
            shape[d] = (int) dims[d];
            count *= dims[d];
            if (count > MAX_VALUES) {
                throw error(file, entry, "the shape " + Arrays.toString(dims) + " holds more values than this program reads ("
                        + MAX_VALUES + ")", null);
            }
        }
        return new Header((String) dict.get("descr"), shape);
    }

    /** The start of a header's text for a message: at most 120 characters. */
    private static String excerpt(String text) {
        String t = text.strip();
        return t.length() <= 120 ? t : t.substring(0, 120) + "…";
    }

    private static DataFormatException error(Path file, String entry, String problem, Throwable cause) {
        return new DataFormatException(file, entry == null ? problem : entry + ": " + problem, cause);
    }

    /** Parses the Python dict literal of a header: string keys; string, bool or int-tuple values. */
    private static final class DictParser {
        private final String s;
        private int p;

        DictParser(String s) {
            this.s = s;
        }

        Map<String, Object> parse() {
            Map<String, Object> map = new HashMap<>();
            expect('{');
            while (true) {
                skip();
                if (peek() == '}') {
                    p++;
                    break;
                }
                String key = string();
                skip();
                expect(':');
                skip();
                map.put(key, value());
                skip();
                if (peek() == ',') {
                    p++;
                } else {
                    expect('}');
                    break;
                }
            }
            skip();
            if (p != s.length()) {
                throw new IllegalArgumentException("unexpected text after the dictionary");
            }
            return map;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (s.startsWith("True", p)) {
                p += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", p)) {
                p += 5;
                return Boolean.FALSE;
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[') {
                throw new IllegalArgumentException("structured dtypes are not supported");
            }
            throw new IllegalArgumentException("unexpected '" + c + "' at position " + p);
        }

        private long[] tuple() {
            expect('(');
            long[] values = new long[0];
            while (true) {
                skip();
                if (peek() == ')') {
                    p++;
                    return values;
                }
                int start = p;
                while (p < s.length() && Character.isDigit(s.charAt(p))) {
                    p++;
                }
                if (start == p || p - start > 18) {
                    throw new IllegalArgumentException("expected a whole number at position " + start);
                }
                values = Arrays.copyOf(values, values.length + 1);
                values[values.length - 1] = Long.parseLong(s.substring(start, p));
                if (peek() == 'L') {
                    p++;
                }
                skip();
                if (peek() == ',') {
                    p++;
                } else {
                    expect(')');
                    return values;
                }
            }
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw new IllegalArgumentException("expected a quoted string at position " + p);
            }
            int end = s.indexOf(quote, p + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated string at position " + p);
            }
            String v = s.substring(p + 1, end);
            p = end + 1;
            return v;
        }

        private void skip() {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
        }

        private char peek() {
            if (p >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(p);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at position " + p + ", found '" + peek() + "'");
            }
            p++;
        }
    }
}
