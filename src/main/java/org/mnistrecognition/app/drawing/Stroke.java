package org.mnistrecognition.app.drawing;

import java.util.Arrays;

/**
 * One stroke of the pen or the eraser: the points the pointer passed through, and how to lay them on an
 * {@link InkRaster} as a smooth curve.
 *
 * <p>The curve runs straight from the first point to the midpoint of the first two, then through every later
 * midpoint by a quadratic Bézier whose control point is the pointer position between them, and finally straight
 * to the last point: the pointer's corners are rounded off and the curve still passes near every position.
 * Each new point adds one piece of curve, so a stroke is drawn while it is made, and {@link #replay} lays the
 * same ink again when undo rebuilds the canvas.
 */
final class Stroke implements Edit {
    /** Moves shorter than this, in canvas pixels, add no point: they would only add jitter. */
    static final double MIN_STEP = 0.75;
    /** The longest straight piece a curve is cut into, in canvas pixels. */
    private static final double FLATNESS = 2;

    private final double radius;
    private final boolean eraser;
    /** x0, y0, x1, y1, ...: the first {@code 2 * count} values hold the points. */
    private double[] points = new double[64];
    private int count;

    /** A stroke starting at {@code (x, y)}, laying its first dot on {@code raster}. */
    Stroke(double x, double y, double radius, boolean eraser, InkRaster raster) {
        this.radius = radius;
        this.eraser = eraser;
        points[0] = x;
        points[1] = y;
        count = 1;
        dot(raster);
    }

    boolean isEraser() {
        return eraser;
    }

    /** How many points the stroke has. */
    int size() {
        return count;
    }

    /**
     * Extends the stroke to {@code (x, y)} and lays the new piece of curve on {@code raster}.
     *
     * @return whether the point was taken (it is dropped when too close to the last one)
     */
    boolean extend(double x, double y, InkRaster raster) {
        double lx = points[2 * count - 2];
        double ly = points[2 * count - 1];
        if (Math.hypot(x - lx, y - ly) < MIN_STEP) {
            return false;
        }
        if (2 * count + 2 > points.length) {
            points = Arrays.copyOf(points, 2 * points.length);
        }
        points[2 * count] = x;
        points[2 * count + 1] = y;
        count++;
        piece(count - 1, raster);
        return true;
    }

    /** Lays the last piece, from the last midpoint to the last point, on {@code raster}. */
    void finish(InkRaster raster) {
        if (count > 1) {
            int k = count - 1;
            line(midX(k - 1), midY(k - 1), points[2 * k], points[2 * k + 1], raster);
        }
    }

    /** Lays the whole finished stroke on {@code raster} again, exactly as it was drawn. */
    void replay(InkRaster raster) {
        dot(raster);
        for (int k = 1; k < count; k++) {
            piece(k, raster);
        }
        finish(raster);
    }

    private void dot(InkRaster raster) {
        line(points[0], points[1], points[0], points[1], raster);
    }

    /** The piece of curve that point {@code k >= 1} adds. */
    private void piece(int k, InkRaster raster) {
        if (k == 1) {
            line(points[0], points[1], midX(0), midY(0), raster);
            return;
        }
        double ax = midX(k - 2);
        double ay = midY(k - 2);
        double cx = points[2 * k - 2];
        double cy = points[2 * k - 1];
        double bx = midX(k - 1);
        double by = midY(k - 1);
        int steps = Math.max(1, (int) Math.ceil((Math.hypot(cx - ax, cy - ay) + Math.hypot(bx - cx, by - cy)) / FLATNESS));
        double px = ax;
        double py = ay;
        for (int s = 1; s <= steps; s++) {
            double t = (double) s / steps;
            double u = 1 - t;
            double qx = u * u * ax + 2 * u * t * cx + t * t * bx;
            double qy = u * u * ay + 2 * u * t * cy + t * t * by;
            line(px, py, qx, qy, raster);
            px = qx;
            py = qy;
        }
    }

    private void line(double x0, double y0, double x1, double y1, InkRaster raster) {
        raster.capsule(x0, y0, x1, y1, radius, eraser);
    }

    /** The midpoint of points {@code k} and {@code k + 1}. */
    private double midX(int k) {
        return (points[2 * k] + points[2 * k + 2]) / 2;
    }

    private double midY(int k) {
        return (points[2 * k + 1] + points[2 * k + 3]) / 2;
    }
}
