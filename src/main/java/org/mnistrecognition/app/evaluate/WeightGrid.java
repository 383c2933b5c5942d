package org.mnistrecognition.app.evaluate;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The first layer's weights as tiles, one per unit: its incoming weight from each input pixel
 * coloured blue (negative) to red (positive) on the {@link DivergingColours} map, at a chosen
 * zoom. Virtualised, like every {@link TileView}.
 */
public final class WeightGrid extends TileView {
    private final ObjectProperty<WeightImages> weights = new SimpleObjectProperty<>(this, "weights");
    private final IntegerProperty zoom = new SimpleIntegerProperty(this, "zoom", 0);
    private String placeholder = "";
    /** What {@link #fitWidth} was worked out for: the view's size and the pictures' count and size. */
    private FitFor fitFor;
    /** The tiles' width in fit mode, for {@link #fitFor}. */
    private int fitWidth;

    private record FitFor(double width, double height, int units, int cols, int rows) {
    }

    public WeightGrid() {
        getStyleClass().add("weight-grid");
        weights.addListener((obs, old, now) -> {
            if (old == null || now == null || old.units() != now.units()) {
                reset();
            } else {
                refresh();
            }
        });
        zoom.addListener(x -> refresh());
    }

    /** The pictures to show (null: none). */
    public ObjectProperty<WeightImages> weightsProperty() {
        return weights;
    }

    /** Screen pixels per input pixel, 1 or more; 0 to fit every unit in view (at 1 to 6, not always whole). */
    public IntegerProperty zoomProperty() {
        return zoom;
    }

    /** What the grid says when there are no pictures. */
    public void setPlaceholder(String text) {
        placeholder = text == null ? "" : text;
        refresh();
    }

    /**
     * The tiles' width in pixels: the picture's width times the zoom, or in fit mode the widest
     * that shows every unit (down to one screen pixel per input pixel, up to six).
     */
    private int tileWidthPixels() {
        WeightImages w = weights.get();
        if (w == null) {
            return 28;
        }
        if (zoom.get() > 0) {
            return w.cols() * zoom.get();
        }
        FitFor key = new FitFor(getWidth(), getHeight(), w.units(), w.cols(), w.rows());
        if (!key.equals(fitFor)) {
            fitFor = key;
            fitWidth = fit(w);
        }
        return fitWidth;
    }

    /** The widest tiles that show every unit of {@code w} in this view. */
    private int fit(WeightImages w) {
        double width = getWidth() - 16;
        for (int tw = w.cols() * 6; tw > w.cols(); tw--) {
            int th = tileHeightPixels(tw);
            int columns = Math.max(1, (int) ((width - gap()) / (tw + gap())));
            int rows = (w.units() + columns - 1) / columns;
            if (gap() + rows * (th + gap()) <= getHeight()) {
                return tw;
            }
        }
        return w.cols();
    }

    /** The tiles' height for tiles {@code tw} wide, keeping the picture's proportions. */
    private int tileHeightPixels(int tw) {
        WeightImages w = weights.get();
        return w == null ? tw : Math.max(1, (int) Math.round((double) tw * w.rows() / w.cols()));
    }

    @Override
    double gap() {
        return 3;
    }

    @Override
    int count() {
        return weights.get() == null ? 0 : weights.get().units();
    }

    @Override
    double tileWidth() {
        return tileWidthPixels();
    }

    @Override
    double tileHeight() {
        return tileHeightPixels(tileWidthPixels());
    }

    @Override
    String placeholder() {
        return placeholder;
    }

    @Override
    void paintPixels(int index, int x, int y, int[] buffer, int stride, int height) {
        WeightImages w = weights.get();
        int tw = tileWidthPixels();
        int th = tileHeightPixels(tw);
        int base = index * w.rows() * w.cols();
        // nearest-neighbour scaling: screen pixel (tx, ty) shows input pixel (tx * cols / tw, ty * rows / th)
        for (int ty = 0; ty < th; ty++) {
            int by = y + ty;
            if (by < 0 || by >= height) {
                continue;
            }
            int row = by * stride + x;
            int r = ty * w.rows() / th;
            for (int tx = 0; tx < tw; tx++) {
                buffer[row + tx] = DivergingColours.argb(w.values()[base + r * w.cols() + tx * w.cols() / tw]);
            }
        }
    }

    @Override
    void paintOver(GraphicsContext g, int index, double x, double y, boolean selected) {
        if (selected && tileWidthPixels() >= 2 * weights.get().cols()) {
            g.setFill(Color.web("#303030"));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(Integer.toString(index), x + 2, y + 1);
        }
    }
}
