package org.mnistrecognition.fuzz;

import org.mnistrecognition.data.DataFormatException;
import org.mnistrecognition.data.IdxReader;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * IDX image and label files, raw and gzipped, spoilt in every way {@link Mutations} knows: each
 * read ends in a {@link DataFormatException} naming the file, or in a correct read.
 */
class IdxFuzzTest {
    private static final byte[] IMAGES = Fixture.bytes("data/images-4x5.idx");
    private static final byte[] LABELS = Fixture.bytes("data/labels.idx");
    private static ReadCheck check;

    @BeforeContainer
    static void start() throws Exception {
        check = new ReadCheck();
    }

    @AfterContainer
    static void end() throws Exception {
        check.close();
    }

    /** A gzip stream of n bytes inflates to at most ~1032 n bytes; the reader buffers at most 8 MiB ahead of what arrived. */
    private static long limit(byte[] input) {
        return (16L << 20) + 2_000L * input.length;
    }

    private static void images(String name, byte[] input) throws Exception {
        check.check(name, input, file -> {
            IdxReader.Images images = IdxReader.readImages(file);
            if (images.pixels().length != images.count() * images.rows() * images.cols()) {
                throw new AssertionError("a read of the wrong length");
            }
        }, DataFormatException.class, limit(input));
    }

    private static void labels(String name, byte[] input) throws Exception {
        check.check(name, input, IdxReader::readLabels, DataFormatException.class, limit(input));
    }

    @Provide
    Arbitrary<byte[]> rawImages() {
        return Mutations.of(IMAGES, 16);
    }

    @Provide
    Arbitrary<byte[]> gzippedImages() {
        return Mutations.inside(IMAGES, 16, Mutations::gzip);
    }

    @Provide
    Arbitrary<byte[]> spoiltGzip() {
        return Mutations.of(Mutations.gzip(IMAGES), 24);
    }

    @Provide
    Arbitrary<byte[]> rawLabels() {
        return Mutations.of(LABELS, 8);
    }

    @Provide
    Arbitrary<byte[]> gzippedLabels() {
        return Mutations.inside(LABELS, 8, Mutations::gzip);
    }

    @Property(tries = 600, seed = "20261125")
    void rawImageFiles(@ForAll("rawImages") byte[] input) throws Exception {
        images("images.idx", input);
    }

    @Property(tries = 400, seed = "20261125")
    void imageFilesSpoiltInsideTheirGzip(@ForAll("gzippedImages") byte[] input) throws Exception {
        images("images.idx.gz", input);
    }

    @Property(tries = 400, seed = "20261125")
    void spoiltGzipStreams(@ForAll("spoiltGzip") byte[] input) throws Exception {
        images("images.idx.gz", input);
    }

    @Property(tries = 300, seed = "20261125")
    void rawLabelFiles(@ForAll("rawLabels") byte[] input) throws Exception {
        labels("labels.idx", input);
    }

    @Property(tries = 300, seed = "20261125")
    void labelFilesSpoiltInsideTheirGzip(@ForAll("gzippedLabels") byte[] input) throws Exception {
        labels("labels.idx.gz", input);
    }
}
