package org.mnistrecognition.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.data.DataFormatException;
import org.mnistrecognition.data.DataSetLoader;
import org.mnistrecognition.data.IdxReader;
import org.mnistrecognition.data.NpyReader;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.model.ModelFormatException;
import org.mnistrecognition.preprocess.ImageFiles;
import org.mnistrecognition.preprocess.ImageFormatException;

/**
 * The inputs the fuzz tests (seeded and Jazzer's, or the review of the readers they prompted)
 * found mishandled, one per bug, kept as fixtures written by
 * {@code src/test/resources/org/mnistrecognition/fuzz/make_fixtures.py} so that each stays fixed.
 */
class ReaderRegressionTest {
    @AutoClose
    private static final ReadCheck check = ReadCheck.inTemporaryFolder();

    private static IdxReader.Images images(java.nio.file.Path file) throws Exception {
        return IdxReader.readImages(file);
    }

    private static void assertProblem(Exception e, String fragment) {
        assertNotNull(e, "the read should have failed");
        assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' in " + e.getMessage());
    }

    /** Found by NpyFuzzTest: the message quoted the header's text with its newline, on two lines. */
    @Test
    void aNewlineInAnArrayHeaderStaysOutOfTheMessage() throws Exception {
        byte[] input = Fixture.bytes("fuzz/newline-before-header.npy");
        assertProblem(check.check("a.npy", input, NpyReader::read, DataFormatException.class, 1 << 20),
                "malformed header: expected '{' at position 0, found '\\n'");
    }

    /** Found by ImageFilesFuzzTest: a truncated BMP was "corrupt or truncated BMP image (null)". */
    @Test
    void aTruncatedImageSaysSoRatherThanNull() throws Exception {
        byte[] input = Fixture.bytes("fuzz/truncated.bmp");
        assertProblem(check.check("seven.bmp", input, ImageFiles::read, ImageFormatException.class, 16L << 20),
                "corrupt or truncated BMP image (the file ends too soon)");
    }

    /** Found by ModelFileFuzzTest: a zip cut inside its end record was "cannot be read: null". */
    @Test
    void aZipEndingInsideItsEndRecordIsNamedTruncated() throws Exception {
        byte[] input = Fixture.bytes("fuzz/comment-past-the-end.npz");
        assertProblem(check.check("model.npz", input, ModelFile::load, ModelFormatException.class, 16L << 20),
                "not a zip (.npz) archive, or a truncated one (it ends too soon)");
    }

    /** A count of 0x80000000 was read as a negative number; it is 2^31 images. */
    @Test
    void aHeaderClaimingTwoToTheThirtyOneImagesIsRefusedAtOnce() throws Exception {
        for (String name : new String[] {"claims-2pow31-images.idx", "claims-2pow31-images.idx.gz"}) {
            byte[] input = Fixture.bytes("fuzz/" + name);
            assertProblem(check.check(name, input, ReaderRegressionTest::images, DataFormatException.class, 1 << 20),
                    "header claims 2,147,483,648 images, more than the 10,000,000 this program reads");
        }
    }

    /**
     * Found reviewing the npz reader: a million real labels beside an image array that claims a
     * million 28x28 images but holds 100 bytes. The reader set 64 MB aside for the pixels before
     * any arrived; now it grows with the data.
     */
    @Test
    void imagesClaimingAMillionRowsCostNoMoreThanTheirData() throws Exception {
        byte[] input = Fixture.bytes("fuzz/million-labels-no-images.npz");
        assertProblem(check.check("mnist.npz", input, DataSetLoader::load, DataFormatException.class, 24L << 20),
                "training_images.npy: truncated");
    }

    /**
     * Found by Jazzer (GuidedFuzzTest.mnistNpz): an entry comment that is not UTF-8 passed the
     * JDK's checks when the archive was opened, and asking for the entry threw an
     * IllegalArgumentException out of the reader.
     */
    @Test
    void anEntryCommentThatIsNotUtf8IsACorruptArchive() throws Exception {
        byte[] input = Fixture.bytes("fuzz/comment-not-utf8.npz");
        assertProblem(check.check("mnist.npz", input, DataSetLoader::load, DataFormatException.class, 16L << 20),
                "not a zip (.npz) archive, or a corrupt one (an entry's name or comment is not valid UTF-8)");
    }

    /**
     * A PNG of 69 bytes claiming 10000x4000 pixels of 16-bit RGBA: the decoder set 320 MB aside
     * before it found no data; now the claim is refused against the file's size before decoding.
     */
    @Test
    void anImageClaimingMorePixelsThanItsFileCanHoldIsRefused() throws Exception {
        byte[] input = Fixture.bytes("fuzz/claims-40-megapixels.png");
        assertProblem(check.check("big.png", input, ImageFiles::read, ImageFormatException.class, 16L << 20),
                "corrupt PNG image: its header claims 10000x4000 pixels, more than a file of 69 bytes can hold");
    }
}
