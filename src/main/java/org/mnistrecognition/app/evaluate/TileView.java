package org.mnistrecognition.app.evaluate;

import java.util.Arrays;
import java.util.function.IntConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A grid of equal tiles drawn on one canvas, virtualised by the scroll position: only the tiles in
 * view are painted, so ten thousand tiles cost what a screenful does, and no node is made per
 * tile. Subclasses paint a tile's picture into a pixel buffer and may draw over it. A click (or
 * Enter) on a tile selects it and {@linkplain #setOnOpen opens} it; the arrow keys move the
 * selection.
 */
abstract class TileView extends Region {
    /** The space around and between tiles. */
    static final double GAP = 6;
    static final int BACKGROUND = 0xFFF4F4F4;
    private static final Color SELECTION = Color.web("#1f5fbf");

    private final Canvas canvas = new Canvas();
    private final ScrollBar bar = new ScrollBar();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private WritableImage image;
    private int[] pixels = new int[0];
    private IntConsumer onOpen = position -> { };
    private int columns = 1;
    private int painted;

    TileView() {
        getStyleClass().add("tile-view");
        bar.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(canvas, bar);
        setFocusTraversable(true);
        setMinSize(120, 80);
        setPrefSize(400, 300);
        bar.valueProperty().addListener(x -> redraw());
        selected.addListener(x -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            bar.setValue(clamp(bar.getValue() - e.getDeltaY(), bar.getMin(), bar.getMax()));
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** How many tiles there are. */
    abstract int count();

    abstract double tileWidth();

    abstract double tileHeight();

    /**
     * Paints tile {@code index}'s picture into {@code buffer} ({@code stride} pixels a row, ARGB) at
     * {@code (x, y)}; the tile lies wholly inside the buffer's width but may be cut at its top or
     * bottom, so rows outside {@code [0, height)} must be skipped.
     */
    abstract void paintPixels(int index, int x, int y, int[] buffer, int stride, int height);

    /** Draws over tile {@code index} at {@code (x, y)}, after the pictures (text, outlines). */
    void paintOver(GraphicsContext g, int index, double x, double y) {
    }

    /** What an empty view says. */
    abstract String placeholder();

    /** The space around and between tiles. */
    double gap() {
        return GAP;
    }

    /** The selected tile, -1 for none. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** What a click or Enter on a tile does, given its index. */
    public void setOnOpen(IntConsumer open) {
        this.onOpen = open == null ? position -> { } : open;
    }

    /**
     * Call when the tiles changed: lays them out in the current size and redraws, keeping the
     * scroll position where it can (no layout request: the view's own size has not changed, and a
     * layout pass would redraw everything a second time).
     */
    void refresh() {
        if (selected.get() >= count()) {
            selected.set(-1);
        }
        layoutTiles();
        redraw();
    }

    /** Scrolls to the top and clears the selection (a new set of tiles). */
    void reset() {
        selected.set(-1);
        bar.setValue(0);
        refresh();
    }

    /** The centre of tile {@code index} in this view's coordinates, scrolling it into view first. */
    public Point2D tileCentre(int index) {
        reveal(index);
        double[] at = origin(index);
        return new Point2D(at[0] + tileWidth() / 2, at[1] - bar.getValue() + tileHeight() / 2);
    }

    /** Scrolls so that tile {@code index} is in view. */
    public void reveal(int index) {
        if (index < 0 || index >= count()) {
            return;
        }
        double top = origin(index)[1];
        double h = getHeight();
        if (top < bar.getValue()) {
            bar.setValue(top - gap());
        } else if (top + tileHeight() > bar.getValue() + h) {
            bar.setValue(clamp(top + tileHeight() + gap() - h, bar.getMin(), bar.getMax()));
        }
    }

    /** The top-left corner of tile {@code index} in the scrolled content. */
    private double[] origin(int index) {
        int row = index / columns;
        int col = index % columns;
        return new double[] {gap() + col * (tileWidth() + gap()), gap() + row * (tileHeight() + gap())};
    }

    @Override
    protected void layoutChildren() {
        layoutTiles();
        redraw();
    }

    private void layoutTiles() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        double barWidth = bar.prefWidth(-1);
        columns = Math.max(1, (int) ((w - barWidth - gap()) / (tileWidth() + gap())));
        int rows = (count() + columns - 1) / columns;
        double content = gap() + rows * (tileHeight() + gap());
        bar.setMin(0);
        bar.setMax(Math.max(0, content - h));
        bar.setVisibleAmount(h);
        bar.setUnitIncrement(tileHeight() + gap());
        bar.setBlockIncrement(Math.max(tileHeight() + gap(), h - tileHeight()));
        bar.setValue(clamp(bar.getValue(), 0, bar.getMax()));
        bar.setVisible(content > h);
        bar.resizeRelocate(w - barWidth, 0, barWidth, h);
        double canvasWidth = Math.max(1, w - (content > h ? barWidth : 0));
        if (canvas.getWidth() != canvasWidth || canvas.getHeight() != h) {
            canvas.setWidth(canvasWidth);
            canvas.setHeight(Math.max(1, h));
        }
    }

    /** Paints the tiles in view. */
    final void redraw() {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        if (w <= 1 || h <= 1) {
            return;
        }
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = new WritableImage(w, h);
            pixels = new int[w * h];
        }
        Arrays.fill(pixels, BACKGROUND);
        double scroll = bar.getValue();
        int n = count();
        int first = (int) Math.max(0, (scroll - gap()) / (tileHeight() + gap())) * columns;
        int last = Math.min(n, ((int) ((scroll + h) / (tileHeight() + gap())) + 1) * columns);
        painted = 0;
        for (int i = first; i < last; i++) {
            double[] at = origin(i);
            int x = (int) at[0];
            int y = (int) Math.round(at[1] - scroll);
            if (x + tileWidth() <= w) {
                paintPixels(i, x, y, pixels, w, h);
                painted++;
            }
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.drawImage(image, 0, 0);
        g.setFont(Font.font(11));
        for (int i = first; i < last; i++) {
            double[] at = origin(i);
            paintOver(g, i, at[0], Math.round(at[1] - scroll));
        }
        int s = selected.get();
        if (s >= first && s < last) {
            double[] at = origin(s);
            g.setStroke(SELECTION);
            g.setLineWidth(2.5);
            g.strokeRect(at[0] - 2, Math.round(at[1] - scroll) - 2, tileWidth() + 4, tileHeight() + 4);
        }
        if (n == 0) {
            g.setFill(Color.web("#707070"));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(Font.font(12));
            g.fillText(placeholder(), w / 2.0, Math.min(h / 2.0, 40));
        }
    }

    private void clicked(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int index = indexAt(e.getX(), e.getY());
        if (index >= 0) {
            selected.set(index);
            onOpen.accept(index);
        }
    }

    /** How many tiles the last redraw painted: those in view, not all of them (for tests). */
    int painted() {
        return painted;
    }

    /** The tile at canvas point {@code (x, y)}, or -1 for the gaps and beyond the last. */
    int indexAt(double x, double y) {
        double contentY = y + bar.getValue();
        int col = (int) ((x - gap()) / (tileWidth() + gap()));
        int row = (int) ((contentY - gap()) / (tileHeight() + gap()));
        if (x < gap() || contentY < gap() || col >= columns) {
            return -1;
        }
        double inX = x - gap() - col * (tileWidth() + gap());
        double inY = contentY - gap() - row * (tileHeight() + gap());
        int index = row * columns + col;
        return inX <= tileWidth() && inY <= tileHeight() && index < count() ? index : -1;
    }

    private void keyPressed(KeyEvent e) {
        int n = count();
        if (n == 0) {
            return;
        }
        int s = selected.get();
        int next = switch (e.getCode()) {
            case LEFT -> s - 1;
            case RIGHT -> s + 1;
            case UP -> s - columns;
            case DOWN -> s < 0 ? 0 : s + columns;
            case HOME -> 0;
            case END -> n - 1;
            default -> Integer.MIN_VALUE;
        };
        if (e.getCode() == KeyCode.ENTER && s >= 0) {
            onOpen.accept(s);
            e.consume();
        } else if (next != Integer.MIN_VALUE) {
            next = Math.max(0, Math.min(n - 1, next));
            selected.set(next);
            reveal(next);
            e.consume();
        }
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
