package org.mnistrecognition.preprocess;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** Synthetic digits drawn with Java 2D, and the measurements the tests make on 28x28 results. */
final class Drawings {

    /** The outline of a digit in a unit box: x and y in {@code [0,1]}, y down. */
    enum Digit {
        ONE(new Line2D.Double(0.5, 0, 0.5, 1)),
        ZERO(new Ellipse2D.Double(0, 0, 1, 1)),
        SEVEN(seven());

        final Shape unit;

        Digit(Shape unit) {
            this.unit = unit;
        }

        private static Shape seven() {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(0, 0);
            p.lineTo(1, 0);
            p.lineTo(0.35, 1);
            return p;
        }
    }

    private Drawings() {
    }

    /**
     * A {@code size x size} RGB picture of {@code digit}, {@code height} pixels tall and {@code 0.6 height}
     * wide with its top-left corner at {@code (left, top)}, drawn anti-aliased with a round pen
     * {@code stroke} pixels wide in {@code ink} on {@code paper}.
     */
    static BufferedImage draw(Digit digit, int size, double left, double top, double height, double stroke,
            Color ink, Color paper) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, size, size);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(ink);
        g.setStroke(new BasicStroke((float) stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        AffineTransform t = new AffineTransform();
        t.translate(left, top);
        t.scale(0.6 * height, height);
        g.draw(t.createTransformedShape(digit.unit));
        g.dispose();
        return image;
    }

    /** {@code digit} as a canvas drawing: black on white, 280x280, 200 tall, centred, with a 16-pixel pen. */
    static BufferedImage reference(Digit digit) {
        return draw(digit, 280, 80, 40, 200, 16, Color.BLACK, Color.WHITE);
    }

    /** The cosine of the angle between two vectors of the same length. */
    static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** The intensity-weighted centre of mass of a 28x28 image, pixel {@code (x, y)} at {@code (x, y)}: {x, y}. */
    static double[] centreOfMass(double[] image) {
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < image.length; i++) {
            mass += image[i];
            mx += image[i] * (i % 28);
            my += image[i] * (i / 28);
        }
        return new double[] {mx / mass, my / mass};
    }

    /** The width and height of the box around the nonzero pixels of a 28x28 image: {w, h}. */
    static int[] inkBox(double[] image) {
        int left = 28;
        int right = -1;
        int top = 28;
        int bottom = -1;
        for (int i = 0; i < image.length; i++) {
            if (image[i] > 0) {
                left = Math.min(left, i % 28);
                right = Math.max(right, i % 28);
                top = Math.min(top, i / 28);
                bottom = Math.max(bottom, i / 28);
            }
        }
        return new int[] {right - left + 1, bottom - top + 1};
    }
}
