package org.mnistrecognition.report;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a PNG picture to a stream a few rows at a time, so that a picture taller than one array
 * could hold is written as it is made: eight bits a channel, RGB or RGBA, rows unfiltered, at the
 * fastest deflate level. (The app's pictures are mostly flat colour, which deflates well
 * unfiltered: a 1300 × 77,846 gallery of 10,000 MNIST tiles came to 11.8 MB unfiltered at the
 * default level, 14.3 MB with PNG's usual adaptive filters in about twice the time, and 14.6 MB
 * unfiltered at the fastest level in about half the time.) Not thread-safe: one thread writes all
 * the rows, top to bottom, then {@link #finish()}es; {@link #close()} frees the compressor of a
 * picture left unfinished (a failed write).
 */
public final class PngRows implements AutoCloseable {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int COLOUR_RGB = 2;
    private static final int COLOUR_RGBA = 6;

    private final int width;
    private final int height;
    private final int channels;
    private final ChunkStream idat;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final DeflaterOutputStream compressed;
    /** A row as PNG stores it: its filter type (0, none), then {@code width × channels} bytes, RGB(A) for each pixel. */
    private final byte[] row;
    private int written;
    private boolean finished;

    /**
     * Starts a picture of {@code width × height} on {@code out} (writing the signature and header
     * now); {@code out} is never closed.
     *
     * @param alpha whether to keep each pixel's alpha (RGBA) or drop it (RGB, for an opaque picture)
     */
    public PngRows(OutputStream out, int width, int height, boolean alpha) throws IOException {
        channels = alpha ? 4 : 3;
        if (width <= 0 || height <= 0 || (long) width * channels >= Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("cannot write a PNG picture of " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        row = new byte[1 + width * channels];
        DataOutputStream data = new DataOutputStream(out);
        data.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;
        header[9] = (byte) (alpha ? COLOUR_RGBA : COLOUR_RGB);
        chunk(data, "IHDR", header, header.length);
        idat = new ChunkStream(data);
        compressed = new DeflaterOutputStream(idat, deflater, 1 << 16);
    }

    /**
     * Writes the next {@code rows} rows.
     *
     * @param argb at least {@code rows × width} pixels from {@code offset}, row-major, each {@code 0xAARRGGBB}
     * @throws IllegalStateException if that is more rows than the picture has left
     */
    public void write(int[] argb, int offset, int rows) throws IOException {
        if (finished || rows > height - written) {
            throw new IllegalStateException("cannot write " + rows + " more rows to a picture of " + height + " with "
                    + written + " written" + (finished ? " and finished" : ""));
        }
        if (offset < 0 || (long) offset + (long) rows * width > argb.length) {
            throw new IllegalArgumentException(rows + " rows of " + width + " from " + offset + " need more than the "
                    + argb.length + " pixels given");
        }
        for (int r = 0; r < rows; r++) {
            toBytes(argb, offset + r * width);
            compressed.write(row);
            written++;
        }
    }

    /**
     * Ends the picture: the last compressed data and the end chunk.
     *
     * @throws IllegalStateException if fewer rows were written than the picture has
     */
    public void finish() throws IOException {
        if (written != height) {
            throw new IllegalStateException("a picture of " + height + " rows cannot end after " + written);
        }
        if (finished) {
            return;
        }
        finished = true;
        compressed.finish();
        deflater.end();
        idat.close();
    }

    /** Frees the compressor; the picture, if not {@link #finish()}ed, is left incomplete. The stream is not closed. */
    @Override
    public void close() {
        deflater.end();
    }

    private void toBytes(int[] argb, int from) {
        byte[] b = row;
        if (channels == 4) {
            for (int x = 0, i = 1; x < width; x++, i += 4) {
                int p = argb[from + x];
                b[i] = (byte) (p >> 16);
                b[i + 1] = (byte) (p >> 8);
                b[i + 2] = (byte) p;
                b[i + 3] = (byte) (p >>> 24);
            }
        } else {
            for (int x = 0, i = 1; x < width; x++, i += 3) {
                int p = argb[from + x];
                b[i] = (byte) (p >> 16);
                b[i + 1] = (byte) (p >> 8);
                b[i + 2] = (byte) p;
            }
        }
    }

    private static void putInt(byte[] to, int at, int value) {
        to[at] = (byte) (value >>> 24);
        to[at + 1] = (byte) (value >>> 16);
        to[at + 2] = (byte) (value >>> 8);
        to[at + 3] = (byte) value;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        out.writeInt(length);
        out.write(name);
        out.write(data, 0, length);
        out.writeInt((int) crc.getValue());
    }

    /** Gathers compressed bytes into IDAT chunks of up to 64 KiB; closing it writes the last one and the end chunk. */
    private static final class ChunkStream extends OutputStream {
        private final DataOutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int filled;

        ChunkStream(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == buffer.length) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() throws IOException {
            if (filled > 0) {
                chunk(out, "IDAT", buffer, filled);
                filled = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
            chunk(out, "IEND", new byte[0], 0);
            out.flush();
        }
    }
}
