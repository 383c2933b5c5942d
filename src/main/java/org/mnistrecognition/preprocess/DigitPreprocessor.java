package org.mnistrecognition.preprocess;

import java.util.Arrays;

/**
 * Makes a picture of a handwritten digit look like an MNIST digit, the way MNIST itself was made from NIST's
 * scans: the ink's bounding box scaled, keeping its aspect ratio and anti-aliased, so its longer side is 20
 * pixels, then placed in a 28x28 field with its centre of mass in the middle.
 *
 * <p>The steps of {@link #toMnist(GrayImage)}:
 * <ol>
 *   <li><b>Background and polarity.</b> The background is the median luminance of the border pixels. Ink is
 *       whichever side of it, darker or lighter, holds more of the deviation: pen on paper, chalk on a
 *       blackboard and a red digit on yellow card (in luminance) all work.</li>
 *   <li><b>Ink map.</b> Each pixel's distance from the background towards the ink side: none at or below a
 *       noise floor of {@value #NOISE} of the peak distance, else divided by the ink's reference contrast (the
 *       {@value #REFERENCE_QUANTILE} quantile of the distances above the floor, so one stray pixel cannot set
 *       the scale) and clamped to {@code [0,1]}. A picture whose peak distance is below {@value #MIN_CONTRAST}
 *       of the luminance range, or whose ink adds up to less than one full pixel, has no digit.</li>
 *   <li><b>Bounding box</b> of every pixel with ink.</li>
 *   <li><b>Stroke width.</b> The box is worked on at the finer of its own resolution and {@value #FINE} pixels
 *       on its longer side (four times the final 20, enlarged bilinearly if it is smaller). Strokes thinner
 *       than {@value #MIN_STROKE} of the box's longer side (thinner than 19 MNIST digits in 20, such as drawings
 *       with a fine pen on a large canvas, which would fade to grey hairlines at 20 pixels) are thickened to
 *       that width; see {@link Strokes}. MNIST-like and thicker strokes are left alone.</li>
 *   <li><b>Size and centre.</b> The box is scaled so its longer side is {@value #BOX} pixels, keeping the
 *       aspect ratio, by area averaging (see {@link Resampler}), straight into the {@value #SIDE}x{@value #SIDE}
 *       field with its intensity-weighted centre of mass (pixel {@code (x, y)} at coordinates {@code (x, y)})
 *       at {@code (14, 14)}; ink falling past the edges is lost. MNIST shifted by whole pixels, leaving its
 *       centres up to half a pixel off; shifting by fractions instead costs no blur here (the area-averaging
 *       grid is offset, not the image resampled twice) and keeps a digit from jumping a pixel when a slightly
 *       different drawing rounds the other way.</li>
 *   <li><b>Level.</b> Scaled so the brightest pixel is 1, as MNIST's saturated strokes are.</li>
 * </ol>
 */
public final class DigitPreprocessor {

    /** The side of MNIST's square images. */
    public static final int SIDE = 28;
    /** The side of the square a digit's bounding box is scaled to fit. */
    public static final int BOX = 20;
    /** The longest side, in pixels, a digit's box is worked on at, at least: four times {@link #BOX}. */
    static final int FINE = 4 * BOX;
    /** The least peak distance from the background, in luminance, that counts as ink. */
    static final double MIN_CONTRAST = 0.1;
    /** The noise floor, as a fraction of the peak distance from the background. */
    static final double NOISE = 0.2;
    /** Which quantile of the above-floor distances from the background counts as full ink. */
    static final double REFERENCE_QUANTILE = 0.9;
    /** The least total ink, in fully inked pixels, that makes a digit. */
    static final double MIN_INK = 1;
    /**
     * The least stroke width as a fraction of the longer side of a digit's box. Measured with
     * {@link Strokes#width} on the 10,000 MNIST test digits enlarged to {@value #FINE} pixels: the fifth
     * percentile of width over longer side (the median is 0.128).
     */
    static final double MIN_STROKE = 0.084;

    private DigitPreprocessor() {
    }

    /**
     * The MNIST version of a picture of one digit.
     *
     * @param image the picture, any size, either polarity
     * @return {@code 28 * 28} values, row-major ({@code [y * 28 + x]}), ink bright: in {@code [0,1]}, with 0 for
     *     background and 1 for the strongest ink
     * @throws NoDigitException if the picture holds no ink
     */
    public static double[] toMnist(GrayImage image) throws NoDigitException {
        Plane ink = inkMap(image);
        Plane work = ink.crop(ink.bounds(0));
        int longer = Math.max(work.width(), work.height());
        if (longer < FINE) {
            work = work.resize(side(work.width(), longer, FINE), side(work.height(), longer, FINE));
            longer = FINE;
        }
        double r = Strokes.radius(Strokes.width(work), longer, MIN_STROKE);
        if (r > 0) {
            work = Strokes.thicken(work.pad((int) Math.ceil(r) + 1), r);
            work = work.crop(work.bounds(0));
            longer = Math.max(work.width(), work.height());
        }
        return place(work, (double) longer / BOX);
    }

    /** The ink in {@code image}, {@code 0} for background and {@code 1} for full ink (step 2). */
    static Plane inkMap(GrayImage image) throws NoDigitException {
        double[] lum = image.pixels();
        double background = borderMedian(image);
        double darker = 0;
        double lighter = 0;
        for (double v : lum) {
            darker += Math.max(0, background - v);
            lighter += Math.max(0, v - background);
        }
        double sign = darker >= lighter ? -1 : 1;
        double[] distance = new double[lum.length];
        double peak = 0;
        for (int i = 0; i < lum.length; i++) {
            distance[i] = Math.max(0, sign * (lum[i] - background));
            peak = Math.max(peak, distance[i]);
        }
        if (peak < MIN_CONTRAST) {
            throw new NoDigitException();
        }
        double floor = NOISE * peak;
        double reference = quantileAbove(distance, floor, REFERENCE_QUANTILE);
        double total = 0;
        for (int i = 0; i < distance.length; i++) {
            distance[i] = distance[i] <= floor ? 0 : Math.min(1, distance[i] / reference);
            total += distance[i];
        }
        if (total < MIN_INK) {
            throw new NoDigitException();
        }
        return new Plane(image.width(), image.height(), distance);
    }

    /** The median luminance of the pixels on the edges of {@code image}. */
    private static double borderMedian(GrayImage image) {
        int w = image.width();
        int h = image.height();
        double[] border = new double[h == 1 || w == 1 ? w * h : 2 * w + 2 * (h - 2)];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || y == h - 1 || x == 0 || x == w - 1) {
                    border[n++] = image.at(x, y);
                }
            }
        }
        Arrays.sort(border);
        return border.length % 2 == 1 ? border[border.length / 2]
                : (border[border.length / 2 - 1] + border[border.length / 2]) / 2;
    }

    /** The {@code q} quantile of the values above {@code floor}; there is at least one. */
    private static double quantileAbove(double[] values, double floor, double q) {
        double[] above = Arrays.stream(values).filter(v -> v > floor).sorted().toArray();
        return above[(int) Math.min(above.length - 1, Math.floor(q * above.length))];
    }

    /** A side of {@code side} pixels in a box whose longer side is {@code longer}, once that becomes {@code target}. */
    private static int side(int side, int longer, int target) {
        return Math.max(1, (int) Math.round((double) side * target / longer));
    }

    /**
     * {@code work} shrunk by {@code step} (steps 5 to 7) straight into the 28x28 field, the area-averaging grid
     * offset so that its centre of mass lands on the middle of pixel (14, 14), then levelled to a peak of 1.
     */
    private static double[] place(Plane work, double step) {
        int w = work.width();
        int h = work.height();
        double[] ink = work.ink();
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = ink[y * w + x];
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        double centre = SIDE / 2 + 0.5;
        double[] rows = Resampler.area(w, SIDE, step, centre - mx / mass / step).alongRows(ink, h);
        double[] out = Resampler.area(h, SIDE, step, centre - my / mass / step).alongColumns(rows, SIDE);
        double peak = 0;
        for (double v : out) {
            peak = Math.max(peak, v);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(1, Math.max(0, out[i] / peak));
        }
        return out;
    }
}
