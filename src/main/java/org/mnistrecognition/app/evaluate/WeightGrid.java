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
    private final IntegerProperty zoom = new SimpleIntegerProperty(this, "zoom", 2);
    private String placeholder = "";

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

    /** Screen pixels per input pixel, 1 or more; 0 to fit every unit in view (at 1 to 6). */
    public IntegerProperty zoomProperty() {
        return zoom;
    }

    /** What the grid says when there are no pictures. */
    public void setPlaceholder(String text) {
        placeholder = text == null ? "" : text;
        refresh();
    }

    private int z() {
        if (zoom.get() > 0) {
            return zoom.get();
        }
        WeightImages w = weights.get();
        if (w == null) {
            return 1;
        }
        double width = getWidth() - 16;
        for (int z = 6; z > 1; z--) {
            int columns = Math.max(1, (int) ((width - gap()) / (w.cols() * z + gap())));
            int rows = (w.units() + columns - 1) / columns;
            if (gap() + rows * (w.rows() * z + gap()) <= getHeight()) {
                return z;
            }
        }
        return 1;
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
        WeightImages w = weights.get();
        return w == null ? 28 : w.cols() * z();
    }

    @Override
    double tileHeight() {
        WeightImages w = weights.get();
        return w == null ? 28 : w.rows() * z();
    }

    @Override
    String placeholder() {
        return placeholder;
    }

    @Override
    void paintPixels(int index, int x, int y, int[] buffer, int stride, int height) {
        WeightImages w = weights.get();
        int z = z();
        int base = index * w.rows() * w.cols();
        for (int r = 0; r < w.rows(); r++) {
            for (int zy = 0; zy < z; zy++) {
                int by = y + r * z + zy;
                if (by < 0 || by >= height) {
                    continue;
                }
                int row = by * stride + x;
                for (int c = 0; c < w.cols(); c++) {
                    int argb = DivergingColours.argb(w.values()[base + r * w.cols() + c]);
                    for (int zx = 0; zx < z; zx++) {
                        buffer[row + c * z + zx] = argb;
                    }
                }
            }
        }
    }

    @Override
    void paintOver(GraphicsContext g, int index, double x, double y) {
        if (selectedProperty().get() == index && z() >= 2) {
            g.setFill(Color.web("#303030"));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(Integer.toString(index), x + 2, y + 1);
        }
    }
}
