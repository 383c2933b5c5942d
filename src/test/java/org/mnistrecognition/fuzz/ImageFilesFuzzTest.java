package org.mnistrecognition.fuzz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mnistrecognition.preprocess.GrayImage;
import org.mnistrecognition.preprocess.ImageFiles;
import org.mnistrecognition.preprocess.ImageFormatException;

/**
 * Pictures of digits, PNG and JPEG (and GIF and BMP, which ImageIO also reads): spoilt, their
 * sizes in the header replaced by extreme ones, cut short, or random. Each read ends in an
 * {@link ImageFormatException} naming the file, or in a picture.
 */
class ImageFilesFuzzTest {
    private static final byte[] SMALL_PNG = Fixture.bytes("preprocess/mnist-2-1.png");
    private static final byte[] LARGE_PNG = Fixture.bytes("preprocess/mnist-3-0-large.png");
    private static final byte[] JPEG = encode("jpg", BufferedImage.TYPE_INT_RGB);
    private static final byte[] GRAY_JPEG = encode("jpg", BufferedImage.TYPE_BYTE_GRAY);
    private static final byte[] GIF = encode("gif", BufferedImage.TYPE_BYTE_INDEXED);
    private static final byte[] BMP = encode("bmp", BufferedImage.TYPE_INT_RGB);
    private static ReadCheck check;

    @BeforeContainer
    static void start() throws Exception {
        check = new ReadCheck();
    }

    @AfterContainer
    static void end() throws Exception {
        check.close();
    }

    /** A 7 in black on white, 60x80, in {@code format}. */
    private static byte[] encode(String format, int type) {
        BufferedImage image = new BufferedImage(60, 80, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 60, 80);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString("7", 10, 70);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * What a picture may cost: the pixels a file may claim are bounded by its size (see
     * {@link ImageFiles#MAX_PIXELS_PER_FILE_BYTE}) and by {@link ImageFiles#MAX_PIXELS}; each
     * costs the decoder up to 8 bytes (16-bit RGBA) and the grey copy 12.
     */
    private static void read(String name, byte[] input) throws Exception {
        check.check(name, input, file -> {
            GrayImage image = ImageFiles.read(file);
            if (image.width() <= 0 || image.height() <= 0) {
                throw new AssertionError("an empty picture was read");
            }
        }, ImageFormatException.class, (32L << 20)
                + 20L * Math.min(ImageFiles.MAX_PIXELS, Math.max(1_000_000, ImageFiles.MAX_PIXELS_PER_FILE_BYTE * input.length)));
    }

    @Provide
    Arbitrary<byte[]> pngs() {
        // the header (IHDR) is within the first 33 bytes: width at 16, height at 20
        return Arbitraries.oneOf(Mutations.of(SMALL_PNG, 33), Mutations.of(LARGE_PNG, 33));
    }

    @Provide
    Arbitrary<byte[]> jpegs() {
        // the frame header (SOF0) with the height and width comes after the quantisation and Huffman tables
        return Arbitraries.oneOf(Mutations.of(JPEG, 700), Mutations.of(GRAY_JPEG, 700));
    }

    @Provide
    Arbitrary<byte[]> others() {
        return Arbitraries.oneOf(Mutations.of(GIF, 32), Mutations.of(BMP, 54));
    }

    @Property(tries = 600, seed = "20261125")
    void spoiltPngs(@ForAll("pngs") byte[] input) throws Exception {
        read("digit.png", input);
    }

    @Property(tries = 600, seed = "20261125")
    void spoiltJpegs(@ForAll("jpegs") byte[] input) throws Exception {
        read("digit.jpg", input);
    }

    @Property(tries = 300, seed = "20261125")
    void spoiltGifsAndBmps(@ForAll("others") byte[] input) throws Exception {
        read("digit.img", input);
    }
}
