package org.mnistrecognition.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.preprocess.Drawings.Digit;

class ImageFilesTest {

    @TempDir
    Path dir;

    private Path write(BufferedImage image, String format, String name) throws IOException {
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(image, format, file.toFile()), "no writer for " + format);
        return file;
    }

    private static double[] reference(Digit digit) throws NoDigitException {
        return DigitPreprocessor.toMnist(ImageFiles.gray(Drawings.reference(digit)));
    }

    @Test
    void aPngReadsAsItsLuminance() throws Exception {
        Path file = write(Drawings.reference(Digit.ZERO), "png", "zero.png");
        GrayImage image = ImageFiles.read(file);
        assertEquals(280, image.width());
        assertEquals(280, image.height());
        assertEquals(1.0, image.at(0, 0), 1e-12);
        assertEquals(0.0, image.at(140, 40), 1e-12);
        assertEquals(1.0, Drawings.cosine(reference(Digit.ZERO), DigitPreprocessor.toMnist(image)), 1e-12);
    }

    @Test
    void colourBecomesRec601Luminance() throws Exception {
        BufferedImage red = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                red.setRGB(x, y, Color.RED.getRGB());
            }
        }
        assertEquals(0.299, ImageFiles.read(write(red, "png", "red.png")).at(1, 1), 1e-9);
    }

    @Test
    void aJpegReadsCloseToItsPng() throws Exception {
        GrayImage image = ImageFiles.read(write(Drawings.reference(Digit.SEVEN), "jpg", "seven.jpg"));
        double similarity = Drawings.cosine(reference(Digit.SEVEN), DigitPreprocessor.toMnist(image));
        assertTrue(similarity > 0.95, "cosine " + similarity);
    }

    @Test
    void transparentPixelsAreBackgroundWhateverTheInkColour() throws Exception {
        for (Color ink : new Color[] {Color.BLACK, Color.WHITE}) {
            BufferedImage opaque = Drawings.draw(Digit.SEVEN, 280, 80, 40, 200, 16, ink, ink);
            BufferedImage mask = Drawings.reference(Digit.SEVEN);
            BufferedImage clear = new BufferedImage(280, 280, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 280; y++) {
                for (int x = 0; x < 280; x++) {
                    int coverage = 255 - (mask.getRGB(x, y) & 0xff);
                    clear.setRGB(x, y, (coverage << 24) | (opaque.getRGB(x, y) & 0xffffff));
                }
            }
            GrayImage image = ImageFiles.read(write(clear, "png", "clear.png"));
            assertEquals(ink == Color.BLACK ? 1.0 : 0.0, image.at(0, 0), 1e-12, "backdrop behind " + ink);
            double similarity = Drawings.cosine(reference(Digit.SEVEN), DigitPreprocessor.toMnist(image));
            assertTrue(similarity > 0.99, ink + " on transparent: cosine " + similarity);
        }
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("scan.png");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertEquals(file + ": no such file", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void anEmptyFileIsNamed() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.png"));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertEquals(file + ": empty file", e.getMessage());
    }

    @Test
    void aTextFileIsNotAnImage() throws IOException {
        Path file = Files.writeString(dir.resolve("scan.png"), "this is not a picture\n", StandardCharsets.UTF_8);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertEquals(file + ": not a PNG or JPEG image", e.getMessage());
    }

    @Test
    void aTruncatedPngIsCorrupt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(Drawings.reference(Digit.ZERO), "png", bytes);
        byte[] png = bytes.toByteArray();
        Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": corrupt or truncated PNG image"), e.getMessage());
    }

    @Test
    void aHugeImageIsRefusedBeforeDecoding() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(10_000).putInt(10_000).put(new byte[] {8, 0, 0, 0, 0});
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", header.array());
        chunk(png, "IEND", new byte[0]);
        Path file = Files.write(dir.resolve("bomb.png"), png.toByteArray());
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertEquals(file + ": the PNG image is 10000x10000 pixels, more than the limit of 50 megapixels", e.getMessage());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] body) throws IOException {
        byte[] kind = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(kind);
        crc.update(body);
        out.write(ByteBuffer.allocate(4).putInt(body.length).array());
        out.write(kind);
        out.write(body);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
