package org.mnistrecognition.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zip archives (the {@code .npz} files) taken apart and put together again, to spoil one entry of a sound archive. */
final class Archives {
    private Archives() {
    }

    /** The entries of {@code archive}, uncompressed, by name in archive order. */
    static Map<String, byte[]> entries(byte[] archive) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A zip of {@code entries}, deflated or stored. */
    static byte[] zip(Map<String, byte[]> entries, boolean deflate) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(deflate ? 6 : 0);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Archives of {@code entries}, deflated or stored, with one entry (any) replaced by what the
     * generator {@code spoil} gives for it: sound zips of unsound contents.
     */
    static Generator withOneEntrySpoilt(Map<String, byte[]> entries, Function<byte[], Generator> spoil) {
        return withOneEntrySpoilt(entries, List.copyOf(entries.keySet()), spoil);
    }

    /** {@link #withOneEntrySpoilt(Map, Function)}, the entry spoilt one of {@code names}. */
    static Generator withOneEntrySpoilt(Map<String, byte[]> entries, List<String> names, Function<byte[], Generator> spoil) {
        return random -> {
            String name = Generator.pick(random, names);
            boolean deflate = random.nextBoolean();
            Input spoilt = spoil.apply(entries.get(name)).next(random);
            Map<String, byte[]> copy = new LinkedHashMap<>(entries);
            copy.put(name, spoilt.bytes());
            return new Input(zip(copy, deflate), (deflate ? "deflated" : "stored") + " zip, " + name + ": " + spoilt.how());
        };
    }
}
