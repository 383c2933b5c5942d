package org.mnistrecognition.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mnistrecognition.data.DataFormatException;
import org.mnistrecognition.data.DataSetLoader;
import org.mnistrecognition.data.MnistData;

/**
 * The original program's {@code mnist.npz}: the archive spoilt as bytes, and archives whose
 * entries were spoilt before they were zipped (so that the zip itself is sound and the arrays'
 * headers and data are what is wrong).
 */
class MnistNpzFuzzTest {
    private static final byte[] VALID = Fixture.bytes("data/npz/valid-f64.npz");
    private static final byte[] COMPRESSED = Fixture.bytes("data/npz/valid-f32.npz");
    private static final String[] ENTRIES = {"training_images.npy", "training_labels.npy", "validation_images.npy",
            "validation_labels.npy", "test_images.npy", "test_labels.npy"};
    private static ReadCheck check;

    @BeforeContainer
    static void start() throws Exception {
        check = new ReadCheck();
    }

    @AfterContainer
    static void end() throws Exception {
        check.close();
    }

    /** A deflated entry inflates ~1032 times at most, each byte of it a double (8 bytes) at most, twice over while arrays grow. */
    private static void load(byte[] input) throws Exception {
        check.check("mnist.npz", input, file -> {
            MnistData data = DataSetLoader.load(file);
            if (data.training().size() == 0) {
                throw new AssertionError("an empty training set was read");
            }
        }, DataFormatException.class, (16L << 20) + 20_000L * input.length);
    }

    /** The entries of the valid archive, uncompressed. */
    private static byte[][] entries() {
        byte[][] out = new byte[ENTRIES.length][];
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(VALID))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                for (int i = 0; i < ENTRIES.length; i++) {
                    if (ENTRIES[i].equals(e.getName())) {
                        out[i] = zip.readAllBytes();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static byte[] zip(byte[][] entries, boolean deflate) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(deflate ? 6 : 0);
            for (int i = 0; i < entries.length; i++) {
                zip.putNextEntry(new ZipEntry(ENTRIES[i]));
                zip.write(entries[i]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Provide
    Arbitrary<byte[]> spoiltArchives() {
        return Arbitraries.oneOf(Mutations.of(VALID, 256), Mutations.of(COMPRESSED, 256));
    }

    @Provide
    Arbitrary<byte[]> spoiltEntries() {
        byte[][] valid = entries();
        return Combinators.combine(Arbitraries.integers().between(0, ENTRIES.length - 1), Arbitraries.of(true, false))
                .flatAs((which, deflate) ->
                Mutations.of(valid[which], 128).map(spoilt -> {
                    byte[][] copy = valid.clone();
                    copy[which] = spoilt;
                    return zip(copy, deflate);
                }));
    }

    @Provide
    Arbitrary<byte[]> extremeShapes() {
        byte[][] valid = entries();
        return Combinators.combine(Arbitraries.integers().between(0, ENTRIES.length - 1), Arbitraries.of(true, false))
                .flatAs((which, deflate) -> Mutations.npyWithExtremeNumber(valid[which]).map(spoilt -> {
                    byte[][] copy = valid.clone();
                    copy[which] = spoilt;
                    return zip(copy, deflate);
                }));
    }

    /** The training images and labels both claiming the same number of rows (number 1 of a header: 0 is the 8 of '<f8'). */
    @Provide
    Arbitrary<byte[]> extremeCounts() {
        byte[][] valid = entries();
        return Combinators.combine(Arbitraries.of(Mutations.EXTREME_NUMBERS), Arbitraries.of(true, false)).as((n, deflate) -> {
            byte[][] copy = valid.clone();
            copy[0] = Mutations.npyWithNumber(valid[0], 1, n);
            copy[1] = Mutations.npyWithNumber(valid[1], 1, n);
            return zip(copy, deflate);
        });
    }

    @Property(tries = 30, seed = "20261125")
    void imagesAndLabelsClaimingTheSameHugeCount(@ForAll("extremeCounts") byte[] input) throws Exception {
        load(input);
    }

    @Property(tries = 300, seed = "20261125")
    void arraysWithExtremeShapes(@ForAll("extremeShapes") byte[] input) throws Exception {
        load(input);
    }

    @Property(tries = 500, seed = "20261125")
    void spoiltArchiveBytes(@ForAll("spoiltArchives") byte[] input) throws Exception {
        load(input);
    }

    @Property(tries = 500, seed = "20261125")
    void soundArchivesOfSpoiltArrays(@ForAll("spoiltEntries") byte[] input) throws Exception {
        load(input);
    }
}
