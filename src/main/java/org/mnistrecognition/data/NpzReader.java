package org.mnistrecognition.data;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.mnistrecognition.Problems;

/**
 * Reads a numpy {@code .npz} archive: a zip of {@code name.npy} entries, stored or deflated, as
 * {@code numpy.savez} and {@code numpy.savez_compressed} write them, and of any other (text)
 * entries. Arrays are named without their {@code .npy}. Errors name the archive and the entry.
 * An entry read to its end is checked against the CRC-32 the archive records for it, so that a
 * flipped bit is an error rather than a wrong weight or pixel.
 */
public final class NpzReader implements Closeable {
    /** The largest text entry {@link #text} reads. */
    public static final int MAX_TEXT = 16 << 20;

    private final Path file;
    private final ZipFile zip;

    private NpzReader(Path file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
    }

    /** Opens an archive; fails if it is missing, not a zip, truncated, or holds an entry whose comment is not UTF-8. */
    public static NpzReader open(Path file) throws IOException {
        ZipFile zip = openZip(file);
        try {
            // the JDK checks the entries' names as it opens an archive but decodes an entry's comment
            // (as UTF-8) only when the entry is asked for, and then throws an unchecked exception
            Collections.list(zip.entries());
        } catch (IllegalArgumentException e) {
            zip.close();
            throw new DataFormatException(file, "not a zip (.npz) archive, or a corrupt one (an entry's name or comment"
                    + " is not valid UTF-8)", e);
        }
        return new NpzReader(file, zip);
    }

    private static ZipFile openZip(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, "no such file", e);
        } catch (ZipException e) {
            throw new DataFormatException(file, "not a zip (.npz) archive, or a truncated one (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new DataFormatException(file, "not a zip (.npz) archive, or a truncated one (it ends too soon)", e);
        } catch (IOException e) {
            if (!file.toFile().isFile()) {
                throw new DataFormatException(file, file.toFile().exists() ? "not a file" : "no such file", e);
            }
            throw new DataFormatException(file, "cannot be read: " + Problems.reason(e), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The names of the arrays, without {@code .npy}, in archive order. */
    public Set<String> arrayNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ZipEntry e : entries()) {
            if (e.getName().endsWith(".npy")) {
                names.add(e.getName().substring(0, e.getName().length() - 4));
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** Whether array {@code name} ({@code name.npy}) is present. */
    public boolean contains(String name) {
        return zip.getEntry(name + ".npy") != null;
    }

    /** Whether an entry of that exact name (e.g. {@code metadata.json}) is present. */
    public boolean hasEntry(String entryName) {
        return zip.getEntry(entryName) != null;
    }

    /** Reads array {@code name} whole; a missing one is a {@link DataFormatException} "name missing". */
    public NpyArray array(String name) throws IOException {
        try (NpyReader npy = stream(name)) {
            return npy.readAll();
        }
    }

    /** Opens array {@code name} for reading in parts; the caller closes it. */
    public NpyReader stream(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name + ".npy");
        if (entry == null) {
            throw new DataFormatException(file, name + " missing (no " + name + ".npy in the archive)");
        }
        return NpyReader.open(input(entry), file, entry.getName());
    }

    /** Reads text entry {@code entryName} as UTF-8. */
    public String text(String entryName) throws IOException {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw new DataFormatException(file, entryName + " missing");
        }
        try (InputStream in = input(entry)) {
            byte[] bytes = in.readNBytes(MAX_TEXT + 1);
            if (bytes.length > MAX_TEXT) {
                throw new DataFormatException(file, entryName + ": longer than " + MAX_TEXT + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (EOFException e) {
            throw new DataFormatException(file, entryName + ": truncated or corrupt compressed data", e);
        } catch (ZipException e) {
            throw new DataFormatException(file, entryName + ": corrupt compressed data (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private InputStream input(ZipEntry entry) throws IOException {
        try {
            return new CrcChecked(zip.getInputStream(entry), file, entry);
        } catch (ZipException e) {
            throw new DataFormatException(file, entry.getName() + ": corrupt entry (" + e.getMessage() + ")", e);
        }
    }

    private List<ZipEntry> entries() {
        return new ArrayList<>(Collections.list(zip.entries()));
    }

    /**
     * An entry's bytes, checked against the CRC-32 in the archive's directory once all of them
     * have been read: at the end of the stream, or on closing it when the reader took exactly the
     * entry's size and no more (an array's reader stops at its last byte). A stream closed before
     * that, on another error, is not checked.
     */
    private static final class CrcChecked extends CheckedInputStream {
        private final Path file;
        private final ZipEntry entry;
        private long count;
        private boolean checked;

        CrcChecked(InputStream in, Path file, ZipEntry entry) {
            super(in, new CRC32());
            this.file = file;
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            counted(n);
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() throws IOException {
            try {
                if (count == entry.getSize()) {
                    check();
                }
            } finally {
                super.close();
            }
        }

        private void counted(int n) throws IOException {
            if (n < 0) {
                check();
            } else {
                count += n;
            }
        }

        private void check() throws DataFormatException {
            if (!checked && entry.getCrc() != -1) {
                checked = true;
                if (getChecksum().getValue() != entry.getCrc()) {
                    throw new DataFormatException(file, entry.getName() + ": corrupt data (its CRC-32 is not the one"
                            + " the archive records)");
                }
            }
        }
    }
}
