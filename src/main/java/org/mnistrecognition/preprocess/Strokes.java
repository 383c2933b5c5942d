package org.mnistrecognition.preprocess;

/**
 * Measures and thickens pen strokes.
 *
 * <p>The width of a stroke is estimated as {@code 2 A / P}, where {@code A} is the area of the ink (pixels
 * holding at least half the plane's peak ink) and {@code P} the length of its outline: for a long stroke of
 * width {@code w} and length {@code l}, {@code A = w l} and {@code P ~ 2 l}. The outline is counted as the
 * number of ink/background edges between 4-neighbours times {@code pi / 4}, the mean ratio between a curve's
 * length and its staircase length over all directions.
 *
 * <p>Thickening adds a rim of radius {@code r} around the ink: the ink becomes
 * {@code max(ink, clamp(r + 1/2 - d, 0, 1))} where {@code d} is the Euclidean distance to the nearest inked
 * pixel, an anti-aliased disc dilation computed with the exact distance transform of Felzenszwalb and
 * Huttenlocher (linear time, so large photos are cheap).
 */
final class Strokes {

    private static final double INFINITY = 1e20;

    private Strokes() {
    }

    /** The mean stroke width of the ink in {@code plane}, in its pixels; 0 when there is no ink. */
    static double width(Plane plane) {
        boolean[] inked = inked(plane);
        int w = plane.width();
        int h = plane.height();
        long area = 0;
        long edges = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean here = inked[y * w + x];
                if (here) {
                    area++;
                }
                boolean left = x > 0 && inked[y * w + x - 1];
                boolean up = y > 0 && inked[(y - 1) * w + x];
                edges += (here != left ? 1 : 0) + (here != up ? 1 : 0);
            }
        }
        for (int x = 0; x < w; x++) {
            edges += inked[(h - 1) * w + x] ? 1 : 0;
        }
        for (int y = 0; y < h; y++) {
            edges += inked[y * w + w - 1] ? 1 : 0;
        }
        return edges == 0 ? 0 : 2.0 * area / (edges * Math.PI / 4);
    }

    /**
     * The radius by which to thicken ink of stroke width {@code width} in a box whose longer side is
     * {@code longer}, so that afterwards the width is {@code ratio} times the longer side: thickening by
     * {@code r} adds {@code 2r} to both, so {@code width + 2r = ratio (longer + 2r)}. Never negative.
     */
    static double radius(double width, int longer, double ratio) {
        return Math.max(0, (ratio * longer - width) / (2 * (1 - ratio)));
    }

    /** A copy of {@code plane}, already padded with at least {@code ceil(r)} background pixels, thickened by {@code r}. */
    static Plane thicken(Plane plane, double r) {
        int w = plane.width();
        int h = plane.height();
        boolean[] inked = inked(plane);
        double[] d2 = new double[w * h];
        for (int i = 0; i < d2.length; i++) {
            d2[i] = inked[i] ? 0 : INFINITY;
        }
        int n = Math.max(w, h);
        double[] line = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = d2[y * w + x];
            }
            transform(line, h, out, v, z);
            for (int y = 0; y < h; y++) {
                d2[y * w + x] = out[y];
            }
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(d2, y * w, line, 0, w);
            transform(line, w, out, v, z);
            System.arraycopy(out, 0, d2, y * w, w);
        }
        double[] ink = plane.ink().clone();
        for (int i = 0; i < ink.length; i++) {
            double rim = Math.min(1, Math.max(0, r + 0.5 - Math.sqrt(d2[i])));
            ink[i] = Math.max(ink[i], rim);
        }
        return new Plane(w, h, ink);
    }

    /** Whether each pixel holds at least half the plane's peak ink; {@code width * height} flags, row-major. */
    private static boolean[] inked(Plane plane) {
        double threshold = 0.5 * plane.max();
        double[] ink = plane.ink();
        boolean[] inked = new boolean[ink.length];
        for (int i = 0; i < ink.length; i++) {
            inked[i] = threshold > 0 && ink[i] >= threshold;
        }
        return inked;
    }

    /**
     * The one-dimensional squared distance transform: {@code out[q] = min over p of (q - p)^2 + f[p]} for the
     * first {@code n} entries, via the lower envelope of parabolas. {@code v} ({@code n}) and {@code z}
     * ({@code n + 1}) are scratch space: the envelope's parabola vertices and the boundaries between them.
     */
    private static void transform(double[] f, int n, double[] out, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = -INFINITY;
        z[1] = INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            out[q] = (double) (q - v[k]) * (q - v[k]) + f[v[k]];
        }
    }

    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
    }
}
