package org.mnistrecognition.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an IDX file of unsigned-byte images ({@code 0x00000803}: count, rows, cols) or labels
 * ({@code 0x00000801}: count), raw or gzip-compressed (recognised by its first two bytes,
 * {@code 1f 8b}, not by its name).
 *
 * <p>Nothing is allocated on the word of a header alone: counts above {@link #MAX_IMAGES} and
 * images above {@link #MAX_IMAGE_PIXELS} are rejected at once, a raw file's header is checked
 * against the file's size, and a gzip file's data is read into a buffer that never runs more than
 * {@code max(8 MiB, 32 × the compressed size)} ahead of the bytes actually decompressed.
 *
 * <p>Open one with {@link #openImages} or {@link #openLabels}, read its items in one or more
 * parts with {@link #read}, then {@link #finish} to check nothing follows them; or use
 * {@link #readImages(Path)} and {@link #readLabels(Path)}.
 */
public final class IdxReader implements Closeable {
    /** The magic number of an IDX file of unsigned-byte images: type 0x08, 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** The magic number of an IDX file of unsigned-byte labels: type 0x08, 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** The most images (or labels) a file may claim. */
    public static final int MAX_IMAGES = 10_000_000;
    /** The most pixels one image may have. */
    public static final int MAX_IMAGE_PIXELS = 1_000_000;

    private static final int MIN_BUDGET = 8 << 20;
    private static final int GZIP_RATIO = 32;

    /**
     * The images of a whole file.
     *
     * @param pixels {@code count × rows × cols} unsigned bytes, row-major image after image
     */
    public record Images(int count, int rows, int cols, byte[] pixels) {
    }

    private final Path file;
    private final InputStream in;
    private final boolean images;
    private final int count;
    private final int rows;
    private final int cols;
    /** The most bytes a single allocation may run ahead of the data read so far. */
    private final long budget;
    private int done;
    /** Whether the gzip stream itself broke off, rather than the data ending early. */
    private boolean streamCut;

    private IdxReader(Path file, InputStream in, boolean images, int[] dims, long budget) {
        this.file = file;
        this.in = in;
        this.images = images;
        this.count = dims[0];
        this.rows = images ? dims[1] : 1;
        this.cols = images ? dims[2] : 1;
        this.budget = budget;
    }

    /** Opens an image file and reads and checks its header. */
    public static IdxReader openImages(Path file) throws IOException {
        return open(file, true);
    }

    /** Opens a label file and reads and checks its header. */
    public static IdxReader openLabels(Path file) throws IOException {
        return open(file, false);
    }

    /** Reads a whole image file. */
    public static Images readImages(Path file) throws IOException {
        try (IdxReader idx = openImages(file)) {
            byte[] pixels = idx.read(idx.count());
            idx.finish();
            return new Images(idx.count(), idx.rows(), idx.cols(), pixels);
        }
    }

    /** Reads a whole label file: one byte 0-9 per image. */
    public static byte[] readLabels(Path file) throws IOException {
        try (IdxReader idx = openLabels(file)) {
            byte[] labels = idx.read(idx.count());
            idx.finish();
            return labels;
        }
    }

    /** The number of images (or labels) the header announces. */
    public int count() {
        return count;
    }

    /** The height of each image (1 for labels). */
    public int rows() {
        return rows;
    }

    /** The width of each image (1 for labels). */
    public int cols() {
        return cols;
    }

    /**
     * Reads the next {@code n} items.
     *
     * @return {@code n × rows × cols} unsigned bytes for images, row-major image after image;
     *     {@code n} labels, each checked to be 0-9, for labels
     */
    public byte[] read(int n) throws IOException {
        if (n < 0 || n > count - done) {
            throw new IllegalArgumentException("cannot read " + n + " more of " + count + " items, " + done + " read");
        }
        int size = n * rows * cols;
        HeapRoom.require(file, "the " + describe(n, images, new int[] {n, rows, cols}), Math.min(size, budget));
        byte[] data = new byte[(int) Math.min(size, budget)];
        int filled = 0;
        while (filled < size) {
            if (filled == data.length) {
                int grown = (int) Math.min(size, data.length + Math.max(budget, data.length));
                HeapRoom.require(file, "the " + describe(n, images, new int[] {n, rows, cols}), grown);
                data = Arrays.copyOf(data, grown);
            }
            int r = readSome(data, filled, data.length - filled);
            if (r < 0) {
                throw truncated((long) done * rows * cols + filled);
            }
            filled += r;
        }
        if (!images) {
            for (int i = 0; i < n; i++) {
                if (data[i] < 0 || data[i] > 9) {
                    throw new DataFormatException(file, "label " + (data[i] & 0xFF) + " at index " + (done + i) + " is outside 0-9");
                }
            }
        }
        done += n;
        return data;
    }

    /** Checks that every item was read and that nothing follows them (for gzip: that the stream's checksum holds). */
    public void finish() throws IOException {
        if (done != count) {
            throw new IllegalStateException(done + " of " + count + " items read");
        }
        byte[] rest = new byte[4096];
        long extra = 0;
        for (int r = readSome(rest, 0, rest.length); r >= 0; r = readSome(rest, 0, rest.length)) {
            extra += r;
        }
        if (extra > 0) {
            throw new DataFormatException(file, extra + " bytes of trailing data after the " + count + " " + items());
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static IdxReader open(Path file, boolean images) throws IOException {
        long fileSize = Files.size(file);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? gzipStream(file, raw) : raw;
            int[] dims = readHeader(file, in, images, gzip);
            long headerBytes = 4 + 4L * dims.length;
            long itemBytes = images ? (long) dims[1] * dims[2] : 1;
            long dataBytes = dims[0] * itemBytes;
            if (!gzip && dataBytes != fileSize - headerBytes) {
                long found = fileSize - headerBytes;
                if (found < dataBytes) {
                    throw new DataFormatException(file, "truncated: expected " + describe(dims[0], images, dims)
                            + ", found " + describeFound(found, itemBytes));
                }
                throw new DataFormatException(file, (found - dataBytes) + " bytes of trailing data after the "
                        + dims[0] + " " + (images ? "images" : "labels"));
            }
            long budget = gzip ? Math.max(MIN_BUDGET, GZIP_RATIO * fileSize) : dataBytes;
            return new IdxReader(file, in, images, dims, Math.max(1, budget));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static InputStream gzipStream(Path file, InputStream raw) throws IOException {
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (EOFException e) {
            throw new DataFormatException(file, "truncated gzip header", e);
        } catch (ZipException e) {
            throw new DataFormatException(file, "corrupt gzip header: " + e.getMessage(), e);
        }
    }

    private static int[] readHeader(Path file, InputStream in, boolean images, boolean gzip) throws IOException {
        int expected = images ? IMAGES_MAGIC : LABELS_MAGIC;
        String what = images ? "images" : "labels";
        byte[] magic = readHeaderBytes(file, in, 4, 4);
        int m = toInt(magic, 0);
        if (m != expected) {
            if ((m & 0xFFFFFF00) == 0x00000800) {
                int other = m == IMAGES_MAGIC ? 3 : m == LABELS_MAGIC ? 1 : -1;
                if (other > 0) {
                    throw new DataFormatException(file, "holds IDX " + (other == 3 ? "images" : "labels") + " (magic number "
                            + hex(m) + "), expected " + what + " (" + hex(expected) + ")");
                }
                throw new DataFormatException(file, "IDX " + what + " need " + (expected & 0xFF) + " dimension"
                        + (images ? "s" : "") + ", the header has " + (m & 0xFF) + " (magic number " + hex(m) + ")");
            }
            String gz = !gzip && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                    ? " (and it is not gzip-compressed, despite its .gz name)" : "";
            throw new DataFormatException(file, "not an IDX " + what + " file: magic number " + hex(m) + ", expected "
                    + hex(expected) + gz);
        }
        int ndims = expected & 0xFF;
        byte[] header = readHeaderBytes(file, in, 4 * ndims, 4 + 4 * ndims);
        // the sizes are unsigned: a count of 0x80000000 claims 2^31 images, not a negative number
        long[] sizes = new long[ndims];
        for (int d = 0; d < ndims; d++) {
            sizes[d] = toInt(header, 4 * d) & 0xFFFFFFFFL;
            if (sizes[d] == 0) {
                throw new DataFormatException(file, "dimension " + (d + 1) + " of the header is 0, must be positive");
            }
        }
        if (sizes[0] > MAX_IMAGES) {
            throw new DataFormatException(file, "header claims " + String.format(Locale.ROOT, "%,d", sizes[0]) + " " + what
                    + ", more than the " + String.format(Locale.ROOT, "%,d", MAX_IMAGES) + " this program reads");
        }
        if (images && (sizes[1] > MAX_IMAGE_PIXELS || sizes[2] > MAX_IMAGE_PIXELS || sizes[1] * sizes[2] > MAX_IMAGE_PIXELS)) {
            throw new DataFormatException(file, "header claims images of " + sizes[1] + "x" + sizes[2] + ", more than the "
                    + String.format(Locale.ROOT, "%,d", MAX_IMAGE_PIXELS) + " pixels this program reads");
        }
        if (images && sizes[0] * sizes[1] * sizes[2] > Integer.MAX_VALUE - 16) {
            throw new DataFormatException(file, "header claims " + String.format(Locale.ROOT, "%,d", sizes[0]) + " images of "
                    + sizes[1] + "x" + sizes[2] + ", more than 2 GB of pixels");
        }
        int[] dims = new int[ndims];
        for (int d = 0; d < ndims; d++) {
            dims[d] = (int) sizes[d];
        }
        return dims;
    }

    private static byte[] readHeaderBytes(Path file, InputStream in, int n, int headerSoFar) throws IOException {
        byte[] b = new byte[n];
        int filled = 0;
        try {
            while (filled < n) {
                int r = in.read(b, filled, n - filled);
                if (r < 0) {
                    int have = headerSoFar - n + filled;
                    throw new DataFormatException(file, have == 0 ? "the file is empty"
                            : "truncated header: " + have + " bytes, expected at least " + headerSoFar);
                }
                filled += r;
            }
        } catch (EOFException e) {
            throw new DataFormatException(file, "truncated gzip data within the header", e);
        } catch (ZipException e) {
            throw new DataFormatException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
        return b;
    }

    private int readSome(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (EOFException e) {
            streamCut = true;
            return -1;
        } catch (ZipException e) {
            throw new DataFormatException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
    }

    private DataFormatException truncated(long foundBytes) {
        return new DataFormatException(file, "truncated: expected " + describe(count, images, new int[] {count, rows, cols})
                + ", found " + describeFound(foundBytes, (long) rows * cols) + (streamCut ? " (the gzip stream breaks off)" : ""));
    }

    private String items() {
        return images ? "images" : "labels";
    }

    private static String describe(int n, boolean images, int[] dims) {
        return images ? n + " images of " + dims[1] + "x" + dims[2] : n + " labels";
    }

    private static String describeFound(long bytes, long itemBytes) {
        long whole = bytes / itemBytes;
        return whole + (bytes % itemBytes != 0 ? " and part of another" : "");
    }

    private static int toInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    private static String hex(int v) {
        return String.format(Locale.ROOT, "0x%08x", v);
    }
}
