package org.mnistrecognition.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mnistrecognition.data.DataFormatException;

/**
 * IDX image and label files, raw and gzipped, spoilt in every way {@link Mutations} knows: each
 * read ends in a {@link DataFormatException} naming the file, or in a correct read.
 */
class IdxFuzzTest {
    private static final byte[] IMAGES = Fixture.bytes("data/images-4x5.idx");
    private static final byte[] LABELS = Fixture.bytes("data/labels.idx");
    @AutoClose
    private static final ReadCheck check = ReadCheck.inTemporaryFolder();

    private static void images(String name, byte[] input) throws Exception {
        Reads.idxImages(check, name, input);
    }

    private static void labels(String name, byte[] input) throws Exception {
        Reads.idxLabels(check, name, input);
    }

    @TestFactory
    Stream<DynamicTest> rawImageFiles() {
        return Cases.of(600, Mutations.of(IMAGES, 16), input -> images("images.idx", input));
    }

    @TestFactory
    Stream<DynamicTest> imageFilesSpoiltInsideTheirGzip() {
        return Cases.of(400, Mutations.of(IMAGES, 16).map(Mutations::gzip, "gzip"), input -> images("images.idx.gz", input));
    }

    @TestFactory
    Stream<DynamicTest> spoiltGzipStreams() {
        return Cases.of(400, Mutations.of(Mutations.gzip(IMAGES), 24), input -> images("images.idx.gz", input));
    }

    @TestFactory
    Stream<DynamicTest> rawLabelFiles() {
        return Cases.of(300, Mutations.of(LABELS, 8), input -> labels("labels.idx", input));
    }

    @TestFactory
    Stream<DynamicTest> labelFilesSpoiltInsideTheirGzip() {
        return Cases.of(300, Mutations.of(LABELS, 8).map(Mutations::gzip, "gzip"), input -> labels("labels.idx.gz", input));
    }

    /**
     * The image count (bytes 4 to 7) at 2^31, 2^32 - 1 and their neighbours, raw and gzipped:
     * refused, within the allocation bound, though the count fits no int.
     */
    @TestFactory
    Stream<DynamicTest> headersClaimingTwoToTheThirtyOneImagesOrMore() {
        return Stream.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE, -2, -1)
                .map(count -> Mutations.field(IMAGES, 4, count, ByteOrder.BIG_ENDIAN))
                .flatMap(claim -> Stream.of(claim, new Input(Mutations.gzip(claim.bytes()), "gzip(" + claim.how() + ")")))
                .map(claim -> DynamicTest.dynamicTest(claim.how(), () -> {
                    String name = claim.how().startsWith("gzip") ? "images.idx.gz" : "images.idx";
                    assertNotNull(Reads.idxImages(check, name, claim.bytes()), "a header with the count " + claim.how() + " was read");
                }));
    }
}
