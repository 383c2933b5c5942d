package org.mnistrecognition.app.evaluate;

import java.util.Arrays;
import java.util.function.IntConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
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
import org.mnistrecognition.app.WholePicture;

/**
 * A grid of equal tiles drawn on one canvas, virtualised by the scroll position: only the tiles in
 * view are painted, so ten thousand tiles cost what a screenful does, and no node is made per
 * tile. Subclasses paint a tile's picture into a pixel buffer and may draw over it. A click (or
 * Enter) on a tile selects it and {@linkplain #setOnOpen opens} it; the arrow keys move the
 * selection. A saved picture shows every tile ({@link WholePicture}), painted by the same code.
 */
abstract class TileView extends Region implements WholePicture {
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
    /** Counts the changes of tiles ({@link #refresh}), so that a picture being saved notices one. */
    private int version;

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

    /**
     * Draws over tile {@code index} at {@code (x, y)}, after the pictures (text, outlines);
     * {@code selected} says whether it is the selected tile (never in a saved picture).
     */
    void paintOver(GraphicsContext g, int index, double x, double y, boolean selected) {
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
        version++;
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
        double content = contentHeight();
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
        GraphicsContext g = canvas.getGraphicsContext2D();
        painted = paint(g, image, pixels, w, h, bar.getValue(), selected.get());
        if (count() == 0) {
            g.setFill(Color.web("#707070"));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(Font.font(12));
            g.fillText(placeholder(), w / 2.0, Math.min(h / 2.0, 40));
        }
    }

    /**
     * Paints onto {@code g} ({@code w × h}) the tiles that show in content rows {@code [top, top + h)}:
     * their pictures through {@code pixels} and {@code image} ({@code w × h} each, scratch), then
     * what is drawn over them, and an outline around tile {@code selection} (-1: none).
     *
     * @return how many tiles' pictures were painted
     */
    private int paint(GraphicsContext g, WritableImage image, int[] pixels, int w, int h, double top, int selection) {
        Arrays.fill(pixels, 0, w * h, BACKGROUND);
        int n = count();
        int first = (int) Math.max(0, (top - gap()) / (tileHeight() + gap())) * columns;
        int last = Math.min(n, ((int) ((top + h) / (tileHeight() + gap())) + 1) * columns);
        int done = 0;
        for (int i = first; i < last; i++) {
            double[] at = origin(i);
            int x = (int) at[0];
            int y = (int) Math.round(at[1] - top);
            if (x + tileWidth() <= w) {
                paintPixels(i, x, y, pixels, w, h);
                done++;
            }
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        g.clearRect(0, 0, g.getCanvas().getWidth(), g.getCanvas().getHeight());
        g.drawImage(image, 0, 0, w, h, 0, 0, w, h);
        g.setFont(Font.font(11));
        for (int i = first; i < last; i++) {
            double[] at = origin(i);
            paintOver(g, i, at[0], Math.round(at[1] - top), i == selection);
        }
        if (selection >= first && selection < last) {
            double[] at = origin(selection);
            g.setStroke(SELECTION);
            g.setLineWidth(2.5);
            g.strokeRect(at[0] - 2, Math.round(at[1] - top) - 2, tileWidth() + 4, tileHeight() + 4);
        }
        return done;
    }

    /** The height of all the tiles, in view or not, with the gaps around them. */
    private double contentHeight() {
        int rows = (count() + columns - 1) / columns;
        return gap() + rows * (tileHeight() + gap());
    }

    @Override
    public int wholeWidth() {
        return (int) Math.ceil(getWidth());
    }

    @Override
    public int wholeHeight() {
        return (int) Math.ceil(contentHeight());
    }

    @Override
    public boolean isCut() {
        return count() > 0 && contentHeight() > getHeight();
    }

    /**
     * Paints all the tiles as they are laid out now, in the same columns, a strip of rows at a time
     * on a canvas of its own (without the selection's outline: the picture is of the tiles).
     */
    @Override
    public Rows wholeRows() {
        Layout laidOut = tileLayout();
        int width = wholeWidth();
        Canvas strip = new Canvas(width, 1);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        return new Rows() {
            private WritableImage tiles;
            private WritableImage shot;
            private int[] scratch = new int[0];

            @Override
            public void paint(int top, int rows, int[] argb) {
                if (!tileLayout().equals(laidOut)) {
                    throw new IllegalStateException("the pictures changed while they were being saved; save them again");
                }
                if (tiles == null || tiles.getHeight() < rows) {
                    tiles = new WritableImage(width, rows);
                    scratch = new int[width * rows];
                }
                strip.setHeight(rows);
                TileView.this.paint(strip.getGraphicsContext2D(), tiles, scratch, width, rows, top, -1);
                if (shot != null && shot.getHeight() != rows) {
                    shot = null;
                }
                shot = strip.snapshot(parameters, shot);
                shot.getPixelReader().getPixels(0, 0, width, rows, PixelFormat.getIntArgbInstance(), argb, 0, width);
            }
        };
    }

    /** What the tiles' places depend on: painting the whole picture stops if it changes. */
    private record Layout(int version, int count, int columns, double tileWidth, double tileHeight, double gap) {
    }

    private Layout tileLayout() {
        return new Layout(version, count(), columns, tileWidth(), tileHeight(), gap());
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

    /** How many tiles a row holds, as laid out now (for tests). */
    int columns() {
        return columns;
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
