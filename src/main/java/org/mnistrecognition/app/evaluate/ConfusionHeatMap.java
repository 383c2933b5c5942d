package org.mnistrecognition.app.evaluate;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mnistrecognition.app.CanvasSizing;
import org.mnistrecognition.training.Evaluation;

/**
 * A confusion matrix as a heat map on a canvas: a row per true digit, a column per guess, each
 * cell's count written in it and coloured by its share of the row — the diagonal (right) in
 * blue, the rest (mistakes) in red, brighter the more common (on a square-root scale, so that
 * rare confusions still show). A click, or the arrow keys, selects a cell.
 */
public final class ConfusionHeatMap extends Region {
    private static final double LEFT = 54;
    private static final double TOP = 44;
    private static final double MARGIN = 8;
    private static final Color TEXT = Color.web("#404040");
    private static final Color GRID = Color.web("#e0e0e0");
    private static final Color SELECTION = Color.web("#111111");
    /** The row share at which a mistake's colour is full. */
    private static final double FULL_MISTAKE = 0.05;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Evaluation> evaluation = new SimpleObjectProperty<>(this, "evaluation");
    private final ObjectProperty<Cell> selected = new SimpleObjectProperty<>(this, "selected");

    public ConfusionHeatMap() {
        getStyleClass().add("confusion-heat-map");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(220, 220);
        setPrefSize(420, 420);
        evaluation.addListener(x -> redraw());
        selected.addListener(x -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** The evaluation shown (null: none yet). */
    public ObjectProperty<Evaluation> evaluationProperty() {
        return evaluation;
    }

    /** The selected cell (null: none). */
    public ObjectProperty<Cell> selectedProperty() {
        return selected;
    }

    /** The side of one cell, in pixels. */
    private double cellSize() {
        int n = classes();
        double side = Math.min(canvas.getWidth() - LEFT - MARGIN, canvas.getHeight() - TOP - MARGIN);
        return Math.max(4, Math.floor(side / Math.max(1, n)));
    }

    private int classes() {
        return evaluation.get() == null ? 10 : evaluation.get().classes();
    }

    /** The centre of a cell in this control's coordinates. */
    public Point2D cellCentre(int actual, int guess) {
        double s = cellSize();
        return new Point2D(LEFT + (guess + 0.5) * s, TOP + (actual + 0.5) * s);
    }

    @Override
    protected void layoutChildren() {
        CanvasSizing.fill(this, canvas, this::redraw);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Evaluation e = evaluation.get();
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (e == null) {
            g.setFont(Font.font(12));
            g.fillText("The confusion matrix appears here once the model is evaluated.", w / 2, h / 2);
            return;
        }
        int n = e.classes();
        double s = cellSize();
        int[][] c = e.confusion();
        double fontSize = Math.max(8, Math.min(12, s / 3));
        Font plain = Font.font(fontSize);
        Font bold = Font.font(null, FontWeight.BOLD, fontSize);
        for (int a = 0; a < n; a++) {
            int row = e.actual(a);
            for (int k = 0; k < n; k++) {
                double x = LEFT + k * s;
                double y = TOP + a * s;
                double share = row == 0 ? 0 : (double) c[a][k] / row;
                Color fill = colour(a == k, share);
                g.setFill(fill);
                g.fillRect(x, y, s, s);
                g.setStroke(GRID);
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, s - 1, s - 1);
                if (c[a][k] > 0) {
                    g.setFont(a == k ? bold : plain);
                    g.setFill(fill.getBrightness() < 0.6 || fill.getSaturation() > 0.6 && fill.getBrightness() < 0.85
                            ? Color.WHITE : TEXT);
                    g.fillText(Integer.toString(c[a][k]), x + s / 2, y + s / 2);
                }
            }
        }
        axes(g, n, s);
        Cell sel = selected.get();
        if (sel != null && sel.actual() < n && sel.guess() < n) {
            g.setStroke(SELECTION);
            g.setLineWidth(2.5);
            g.strokeRect(LEFT + sel.guess() * s + 1, TOP + sel.actual() * s + 1, s - 2, s - 2);
        }
    }

    private void axes(GraphicsContext g, int n, double s) {
        g.setFill(TEXT);
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("guess", LEFT + n * s / 2, 12);
        g.save();
        g.translate(12, TOP + n * s / 2);
        g.rotate(-90);
        g.fillText("true digit", 0, 0);
        g.restore();
        g.setFont(Font.font(12));
        for (int d = 0; d < n; d++) {
            g.fillText(Integer.toString(d), LEFT + (d + 0.5) * s, TOP - 11);
            g.fillText(Integer.toString(d), LEFT - 14, TOP + (d + 0.5) * s);
        }
    }

    /** Blue for the right share (the diagonal), red for a mistake's, on a square-root scale. */
    static Color colour(boolean right, double share) {
        if (share <= 0) {
            return Color.WHITE;
        }
        if (right) {
            return Color.WHITE.interpolate(Color.web("#1f5fbf"), 0.15 + 0.85 * Math.sqrt(share));
        }
        return Color.web("#fff4f2").interpolate(Color.web("#c62828"), Math.sqrt(Math.min(1, share / FULL_MISTAKE)));
    }

    private void clicked(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY || evaluation.get() == null) {
            return;
        }
        double s = cellSize();
        int n = classes();
        int k = (int) Math.floor((e.getX() - LEFT) / s);
        int a = (int) Math.floor((e.getY() - TOP) / s);
        if (k >= 0 && k < n && a >= 0 && a < n) {
            selected.set(new Cell(a, k));
        }
    }

    private void keyPressed(KeyEvent e) {
        if (evaluation.get() == null) {
            return;
        }
        int n = classes();
        Cell s = selected.get() == null ? new Cell(0, 0) : selected.get();
        Cell next = switch (e.getCode()) {
            case LEFT -> new Cell(s.actual(), Math.max(0, s.guess() - 1));
            case RIGHT -> new Cell(s.actual(), Math.min(n - 1, s.guess() + 1));
            case UP -> new Cell(Math.max(0, s.actual() - 1), s.guess());
            case DOWN -> new Cell(Math.min(n - 1, s.actual() + 1), s.guess());
            default -> null;
        };
        if (next != null) {
            selected.set(next);
            e.consume();
        }
    }
}
