package org.mnistrecognition.fuzz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
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
    @AutoClose
    private static final ReadCheck check = ReadCheck.inTemporaryFolder();

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

    private static void read(String name, byte[] input) throws Exception {
        Reads.image(check, name, input);
    }

    /** The header (IHDR) is within the first 33 bytes: width at 16, height at 20. */
    @TestFactory
    Stream<DynamicTest> spoiltPngs() {
        return Cases.of(600, Generator.oneOf(Mutations.of(SMALL_PNG, 33), Mutations.of(LARGE_PNG, 33)),
                input -> read("digit.png", input));
    }

    /** The frame header (SOF0) with the height and width comes after the quantisation and Huffman tables. */
    @TestFactory
    Stream<DynamicTest> spoiltJpegs() {
        return Cases.of(600, Generator.oneOf(Mutations.of(JPEG, 700), Mutations.of(GRAY_JPEG, 700)),
                input -> read("digit.jpg", input));
    }

    @TestFactory
    Stream<DynamicTest> spoiltGifsAndBmps() {
        return Cases.of(300, Generator.oneOf(Mutations.of(GIF, 32), Mutations.of(BMP, 54)), input -> read("digit.img", input));
    }

    /**
     * The small PNG with its header (IHDR, its checksum made to match) claiming 1 to 50 megapixels
     * of 8 or 16 bits, grey, RGB or RGBA: a few hundred bytes must not cost hundreds of megabytes.
     */
    @TestFactory
    Stream<DynamicTest> pngHeadersClaimingMegapixels() {
        Generator claims = random -> {
            long pixels = 1_000_000 + random.nextLong(ImageFiles.MAX_PIXELS - 1_000_000);
            int width = 1 + random.nextInt(20_000);
            int height = (int) Math.max(1, pixels / width);
            int depth = Generator.pick(random, 8, 16);
            int colour = Generator.pick(random, 0, 2, 6);
            byte[] png = SMALL_PNG.clone();
            ByteBuffer.wrap(png).putInt(16, width).putInt(20, height).put(24, (byte) depth).put(25, (byte) colour);
            CRC32 crc = new CRC32();
            crc.update(png, 12, 17);
            ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
            return new Input(png, width + "x" + height + ", " + depth + " bits, colour type " + colour);
        };
        return Cases.of(60, claims, input -> read("digit.png", input));
    }
}
