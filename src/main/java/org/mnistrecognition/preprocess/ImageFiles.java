package org.mnistrecognition.preprocess;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.WritableRaster;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads pictures of digits from files (PNG and JPEG; whatever else {@link ImageIO} decodes, such as GIF and
 * BMP, works too) into {@link GrayImage}s.
 *
 * <p>Colour becomes luminance with the Rec. 601 weights {@code 0.299 R + 0.587 G + 0.114 B} on the stored
 * (gamma-encoded) values; grey images keep their stored values. Transparent pixels are background: each pixel is composited onto a backdrop that
 * contrasts with the visible content, white behind dark marks and black behind light ones (chosen from the
 * opacity-weighted mean luminance), so a transparent PNG of either white or black strokes reads as a digit.
 * Pictures wider or taller than {@value #MAX_SIDE} pixels are reduced by the smallest whole factor that brings
 * them within it, averaging each block of pixels, which keeps thin strokes.
 */
public final class ImageFiles {

    /** The most pixels a file may declare: larger ones are refused before decoding (decompression bombs). */
    public static final long MAX_PIXELS = 50_000_000L;
    /**
     * The most pixels a file may declare per byte it holds, once it declares more than a megapixel.
     * No PNG or JPEG comes near it (deflate packs at most ~1,032 bytes into one, eight 1-bit pixels
     * each; a JPEG spends at least a bit on every 8x8 block), so a header claiming more is corrupt,
     * and refusing it keeps a few bytes from making the decoder set aside memory for millions of
     * pixels.
     */
    public static final long MAX_PIXELS_PER_FILE_BYTE = 10_000L;
    /** Below this many pixels, the claim is not compared with the file's size. */
    private static final long UNCHECKED_PIXELS = 1_000_000L;

    /** The longest side of the images {@link #read} returns. */
    public static final int MAX_SIDE = 4096;

    private ImageFiles() {
    }

    /**
     * The picture in {@code file}.
     *
     * @throws ImageFormatException if the file is missing, empty, not an image ImageIO can decode, corrupt or
     *     truncated, or above {@link #MAX_PIXELS}; the message names the file and the problem
     */
    public static GrayImage read(Path file) throws ImageFormatException {
        if (!Files.exists(file)) {
            throw new ImageFormatException(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ImageFormatException(file, "not a file");
        }
        long size;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new ImageFormatException(file, "empty file");
            }
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageFormatException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageFormatException(file, "cannot be read");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageFormatException(file, "not a PNG or JPEG image");
            }
            return decode(file, size, in, readers.next());
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageFormatException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static GrayImage decode(Path file, long size, ImageInputStream in, ImageReader reader) throws ImageFormatException {
        String format = "image";
        try {
            format = reader.getFormatName().toUpperCase(Locale.ROOT) + " image";
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > MAX_PIXELS) {
                throw new ImageFormatException(file, "the " + format + " is " + width + "x" + height
                        + " pixels, more than the limit of " + MAX_PIXELS / 1_000_000 + " megapixels");
            }
            if (width * height > UNCHECKED_PIXELS && width * height > MAX_PIXELS_PER_FILE_BYTE * size) {
                throw new ImageFormatException(file, "corrupt " + format + ": its header claims " + width + "x" + height
                        + " pixels, more than a file of " + size + " bytes can hold");
            }
            return gray(reader.read(0));
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageFormatException(file, "corrupt or truncated " + format + detail(e), e);
        } finally {
            reader.dispose();
        }
    }

    /** What the decoder said went wrong, in parentheses, or nothing when it said nothing. */
    private static String detail(Exception e) {
        if (e instanceof EOFException) {
            return " (the file ends too soon)";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "" : " (" + m + ")";
    }

    /** The luminance of {@code image}, transparency composited as described above, reduced to {@link #MAX_SIDE}. */
    public static GrayImage gray(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] lum = new double[w];
        double[] alpha = new double[w];
        int[] argb = new int[w];
        double opacity = 0;
        double weighted = 0;
        boolean transparent = false;
        for (int y = 0; y < h; y++) {
            row(image, y, argb, lum, alpha);
            for (int x = 0; x < w; x++) {
                transparent |= alpha[x] < 1;
                opacity += alpha[x];
                weighted += alpha[x] * lum[x];
            }
        }
        double backdrop = transparent && opacity > 0 && weighted / opacity > 0.5 ? 0 : 1;
        int factor = (Math.max(w, h) + MAX_SIDE - 1) / MAX_SIDE;
        int gw = (w + factor - 1) / factor;
        int gh = (h + factor - 1) / factor;
        double[] sum = new double[gw * gh];
        int[] count = new int[gw * gh];
        for (int y = 0; y < h; y++) {
            row(image, y, argb, lum, alpha);
            for (int x = 0; x < w; x++) {
                int i = (y / factor) * gw + x / factor;
                sum[i] += alpha[x] * lum[x] + (1 - alpha[x]) * backdrop;
                count[i]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.min(1, Math.max(0, sum[i] / count[i]));
        }
        return new GrayImage(gw, gh, sum);
    }

    /**
     * Row {@code y} of {@code image}: its luminances into {@code lum} and opacities into {@code alpha}, both in
     * {@code [0,1]}, {@code width} of each; {@code argb} ({@code width}) is scratch space. Grey images are read
     * from their samples as stored: {@link BufferedImage#getRGB} would treat them as linear light and
     * brighten every mid-tone, though greyscale PNGs and JPEGs hold gamma-encoded values like colour ones.
     */
    private static void row(BufferedImage image, int y, int[] argb, double[] lum, double[] alpha) {
        int w = image.getWidth();
        WritableRaster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        int bands = raster.getNumBands();
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && bands == (model.hasAlpha() ? 2 : 1)
                && !model.isAlphaPremultiplied()) {
            double grayMax = (1 << model.getComponentSize(0)) - 1;
            for (int x = 0; x < w; x++) {
                lum[x] = raster.getSample(x, y, 0) / grayMax;
                alpha[x] = model.hasAlpha() ? raster.getSample(x, y, 1) / (double) ((1 << model.getComponentSize(1)) - 1) : 1;
            }
            return;
        }
        image.getRGB(0, y, w, 1, argb, 0, w);
        for (int x = 0; x < w; x++) {
            lum[x] = luminance(argb[x]);
            alpha[x] = (argb[x] >>> 24) / 255.0;
        }
    }

    /** The Rec. 601 luminance, in {@code [0,1]}, of an sRGB colour packed as {@code 0xAARRGGBB}. */
    private static double luminance(int argb) {
        return (0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff)) / 255.0;
    }
}
