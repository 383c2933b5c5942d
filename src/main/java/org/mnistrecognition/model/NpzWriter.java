package org.mnistrecognition.model;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a numpy {@code .npz} archive: a zip of deflated {@code name.npy} float64 arrays (see
 * {@link NpyWriter}), which {@code numpy.load} opens, plus any text entries. Closing it finishes
 * the archive and closes the stream it writes to.
 */
public final class NpzWriter implements Closeable {
    private final ZipOutputStream zip;

    public NpzWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    /**
     * A writer deflating at {@code level}, from {@link java.util.zip.Deflater#BEST_SPEED} (for files
     * written while training) to {@link java.util.zip.Deflater#BEST_COMPRESSION}.
     */
    public NpzWriter(OutputStream out, int level) {
        this(out);
        zip.setLevel(level);
    }

    /**
     * Adds array {@code name} as entry {@code name.npy}.
     *
     * @param shape the length of each dimension, outermost first
     * @param values the values in C (row-major) order
     */
    public NpzWriter array(String name, int[] shape, double[] values) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        NpyWriter.write(Streams.unclosable(zip), shape, values);
        zip.closeEntry();
        return this;
    }

    /** Adds a UTF-8 text entry, e.g. {@code metadata.json}. */
    public NpzWriter text(String entryName, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(entryName));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        return this;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
