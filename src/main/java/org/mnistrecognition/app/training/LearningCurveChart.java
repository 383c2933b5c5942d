package org.mnistrecognition.app.training;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.mnistrecognition.app.CanvasSizing;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.app.Throttle;
import org.mnistrecognition.history.LearningCurve;

/**
 * The learning curve on a canvas: the cost's moving average over its raw min–max band against
 * the iteration (left axis), the validation accuracy at checkpoints (right axis), and the
 * previous run in grey for comparison. Redrawn from the {@link LearningCurve}s' primitive
 * arrays, at most {@link LearningCurve#MAX_POINTS} points a series, merged into one point per
 * pixel column ({@link PlotColumns}) so that a redraw's cost depends on the chart's width only.
 */
public final class LearningCurveChart extends Region {
    private static final double LEFT = 52;
    private static final double RIGHT = 48;
    private static final double TOP = 26;
    private static final double BOTTOM = 26;
    private static final Color AVERAGE = Color.web("#1f5fbf");
    private static final Color BAND = Color.web("#1f5fbf", 0.13);
    private static final Color ACCURACY = Color.web("#d9730d");
    private static final Color PREVIOUS = Color.web("#9a9a9a");
    private static final Color GRID = Color.web("#e4e4e4");
    private static final Color TEXT = Color.web("#505050");

    /**
     * The least time between two redraws while a run feeds the chart: a learning curve moves
     * slowly, and each redraw is rasterised (in software where there is no GPU) on the cores the
     * run trains on. A run at full speed brings new points twice a second.
     */
    private static final long REDRAW_MILLIS = 500;

    private final Canvas canvas = new Canvas();
    private final Throttle redraws = new Throttle(REDRAW_MILLIS, this::redraw);
    private LearningCurve current;
    private LearningCurve previous;

    public LearningCurveChart() {
        getStyleClass().add("learning-curve-chart");
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(500, 260);
    }

    /**
     * Shows these curves (either may be null): redrawn at once, or if the last redraw was less
     * than {@link #REDRAW_MILLIS} ago, once that time is up (however many calls come meanwhile).
     */
    void show(LearningCurve currentRun, LearningCurve previousRun) {
        this.current = currentRun;
        this.previous = previousRun;
        redraws.request();
    }

    /** How many cost points are drawn for the current run (for tests). */
    int plottedPoints() {
        return current == null ? 0 : current.points();
    }

    @Override
    protected void layoutChildren() {
        CanvasSizing.fill(this, canvas, this::redraw);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        if (pw < 20 || ph < 20) {
            return;
        }
        g.setFont(Font.font(11));
        if (current == null && previous == null) {
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Press Start: the cost and the validation accuracy\nare drawn here as the network learns.",
                    w / 2, h / 2);
            return;
        }
        long xMax = Math.max(1, Math.max(current == null ? 0 : current.totalIterations(),
                previous == null ? 0 : previous.lastX()));
        double yMax = niceCeiling(Math.max(current == null ? 0 : current.maxAverage(),
                previous == null ? 0 : previous.maxAverage()) * 1.15);
        Frame f = new Frame(LEFT, TOP, pw, ph, xMax, yMax);
        axes(g, f);
        if (previous != null) {
            averageLine(g, f, columns(f, previous), PREVIOUS, 1.2);
            accuracyLine(g, f, previous, PREVIOUS);
        }
        if (current != null) {
            PlotColumns columns = columns(f, current);
            band(g, f, columns);
            averageLine(g, f, columns, AVERAGE, 1.8);
            accuracyLine(g, f, current, ACCURACY);
        }
        legend(g, f);
    }

    /** The plot area and the ranges it shows. */
    private record Frame(double x, double y, double w, double h, long xMax, double yMax) {
        double px(double iteration) {
            return x + w * iteration / xMax;
        }

        double py(double cost) {
            return y + h - h * Math.min(cost, yMax) / yMax;
        }

        double pa(double accuracy) {
            return y + h - h * accuracy;
        }
    }

    private static PlotColumns columns(Frame f, LearningCurve c) {
        return PlotColumns.of(c, f.x(), f.w(), f.xMax());
    }

    private void axes(GraphicsContext g, Frame f) {
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 4; i++) {
            double y = Math.round(f.y() + f.h() * i / 4) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(f.x(), y, f.x() + f.w(), y);
            g.setFill(AVERAGE);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(format(f.yMax() * (4 - i) / 4), f.x() - 6, y);
            g.setFill(ACCURACY);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText((100 * (4 - i) / 4) + "%", f.x() + f.w() + 6, y);
        }
        double step = niceStep(f.xMax() / 6.0);
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double x = 0; x <= f.xMax() + 1e-9; x += step) {
            double px = Math.round(f.px(x)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(px, f.y(), px, f.y() + f.h());
            g.fillText(iterations(x), px, f.y() + f.h() + 5);
        }
        g.setStroke(TEXT);
        g.strokeRect(f.x() + 0.5, f.y() + 0.5, f.w(), f.h());
    }

    /**
     * The raw spread: in each pixel column, from the lowest to the highest cost in it (half a pixel
     * more each way), filled as ONE shape, a closed outline around each run of adjacent columns,
     * rather than a stroke per column: the software renderer's cost is per shape.
     */
    private static void band(GraphicsContext g, Frame f, PlotColumns p) {
        int n = p.size();
        g.setFill(BAND);
        g.beginPath();
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && p.column(end) == p.column(end - 1) + 1) {
                end++;
            }
            g.moveTo(p.column(start), f.py(p.high(start)) - 0.5);
            for (int i = start; i < end; i++) {
                double top = f.py(p.high(i)) - 0.5;
                g.lineTo(p.column(i), top);
                g.lineTo(p.column(i) + 1, top);
            }
            for (int i = end - 1; i >= start; i--) {
                double bottom = f.py(p.low(i)) + 0.5;
                g.lineTo(p.column(i) + 1, bottom);
                g.lineTo(p.column(i), bottom);
            }
            g.closePath();
            start = end;
        }
        g.fill();
    }

    /** The moving average through the middle of each pixel column that has points. */
    private static void averageLine(GraphicsContext g, Frame f, PlotColumns p, Color colour, double width) {
        int n = p.size();
        if (n == 0) {
            return;
        }
        g.setStroke(colour);
        g.setLineWidth(width);
        g.beginPath();
        g.moveTo(p.column(0) + 0.5, f.py(p.average(0)));
        for (int i = 1; i < n; i++) {
            g.lineTo(p.column(i) + 0.5, f.py(p.average(i)));
        }
        g.stroke();
    }

    private static void accuracyLine(GraphicsContext g, Frame f, LearningCurve c, Color colour) {
        int n = c.checkpoints();
        if (n == 0) {
            return;
        }
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double x = f.px(c.checkpointX(i));
            double y = f.pa(c.accuracy(i));
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        for (int i = 0; i < n; i++) {
            g.fillOval(f.px(c.checkpointX(i)) - 3, f.pa(c.accuracy(i)) - 3, 6, 6);
        }
        if (colour == ACCURACY) {
            double last = c.accuracy(n - 1);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(Texts.percent(last), f.px(c.checkpointX(n - 1)) - 4, f.pa(last) - 4);
        }
    }

    private void legend(GraphicsContext g, Frame f) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double x = f.x();
        double y = f.y() - 13;
        x = key(g, x, y, AVERAGE, "cost (average of " + LearningCurve.WINDOW + ")");
        x = key(g, x, y, BAND, "cost range");
        x = key(g, x, y, ACCURACY, "validation accuracy");
        if (previous != null) {
            key(g, x, y, PREVIOUS, "previous run");
        }
    }

    private static double key(GraphicsContext g, double x, double y, Color colour, String text) {
        g.setFill(colour);
        g.fillRect(x, y - 4, 14, 8);
        g.setFill(TEXT);
        g.fillText(text, x + 18, y);
        return x + 18 + text.length() * 5.6 + 16;
    }

    private static String format(double v) {
        return v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : v >= 1 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String iterations(double x) {
        if (x >= 1_000_000) {
            return String.format(Locale.ROOT, "%.3gM", x / 1e6);
        }
        return x >= 1000 ? String.format(Locale.ROOT, "%.3gk", x / 1e3) : String.format(Locale.ROOT, "%.0f", x);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceStep(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** The smallest 1, 2 or 5 times a power of ten at least {@code v}, at least 0.01. */
    static double niceCeiling(double v) {
        return niceStep(Math.max(v, 0.01));
    }
}
