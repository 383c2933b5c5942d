package org.mnistrecognition.app.evaluate;

import java.util.Arrays;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.training.ImageResults;

/**
 * A {@link Gallery} as tiles: each image at twice its size, dark ink on white, beside its true
 * label and the model's guess ({@code 4 → 9}, green when right, red when wrong) and the model's
 * three likeliest digits with their probabilities. Virtualised: fine with 10,000 images.
 */
public final class ImageGallery extends TileView {
    /** How many screen pixels an image pixel takes. */
    static final int ZOOM = 2;
    private static final double WIDTH = 124;
    private static final double HEIGHT = 64;
    private static final Color RIGHT = Color.web("#1e7b34");
    private static final Color WRONG = Color.web("#b3261e");
    private static final Color TEXT = Color.web("#303030");
    private static final Color FAINT = Color.web("#707070");
    private static final Font BOLD = Font.font(null, FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font(11);

    private final ObjectProperty<Gallery> gallery = new SimpleObjectProperty<>(this, "gallery", Gallery.empty(""));

    public ImageGallery() {
        getStyleClass().add("image-gallery");
        gallery.addListener((obs, old, now) -> {
            // the same images in the same order (a set read again) keep the selection and scroll; any other list starts afresh
            if (old != null && now != null && old.images() == now.images() && old.order().length > 0
                    && Arrays.equals(old.order(), now.order())) {
                refresh();
            } else {
                reset();
            }
        });
    }

    /** The images shown. */
    public ObjectProperty<Gallery> galleryProperty() {
        return gallery;
    }

    private Gallery current() {
        Gallery g = gallery.get();
        return g == null ? Gallery.empty("") : g;
    }

    @Override
    int count() {
        return current().size();
    }

    @Override
    double tileWidth() {
        return WIDTH;
    }

    @Override
    double tileHeight() {
        return HEIGHT;
    }

    @Override
    String placeholder() {
        return current().placeholder();
    }

    @Override
    void paintPixels(int index, int x, int y, int[] buffer, int stride, int height) {
        Gallery g = current();
        DataSet images = g.images();
        int image = g.image(index);
        int rows = images.rows();
        int cols = images.cols();
        int base = image * images.pixelsPerImage();
        byte[] px = images.pixels();
        for (int ty = 0; ty < HEIGHT; ty++) {
            int by = y + ty;
            if (by < 0 || by >= height) {
                continue;
            }
            int row = by * stride + x;
            for (int tx = 0; tx < WIDTH; tx++) {
                buffer[row + tx] = 0xFFFFFFFF;
            }
            int iy = (ty - pad(HEIGHT, rows)) / ZOOM;
            if (ty < pad(HEIGHT, rows) || iy >= rows) {
                continue;
            }
            for (int ix = 0; ix < cols && 4 + ix * ZOOM < WIDTH; ix++) {
                int ink = px[base + iy * cols + ix] & 0xFF;
                int grey = 255 - ink;
                int argb = 0xFF000000 | grey << 16 | grey << 8 | grey;
                for (int z = 0; z < ZOOM; z++) {
                    buffer[row + 4 + ix * ZOOM + z] = argb;
                }
            }
        }
    }

    /** The margin above a picture of {@code rows} rows, centring it in a tile of {@code height}. */
    private static int pad(double height, int rows) {
        return Math.max(0, (int) (height - rows * ZOOM) / 2);
    }

    @Override
    void paintOver(GraphicsContext g, int index, double x, double y, boolean selected) {
        Gallery gallery = current();
        ImageResults r = gallery.results();
        int image = gallery.image(index);
        int label = r.label(image);
        int guess = r.guess(image);
        double textX = x + 4 + gallery.images().cols() * ZOOM + 8;
        g.setStroke(Color.web("#d8d8d8"));
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, WIDTH - 1, HEIGHT - 1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(BOLD);
        g.setFill(label == guess ? RIGHT : WRONG);
        g.fillText(label + " → " + guess, textX, y + 4);
        g.setFont(SMALL);
        for (int k = 0; k < r.ranks(); k++) {
            g.setFill(k == 0 ? TEXT : FAINT);
            g.fillText(r.top(image, k) + "  " + Texts.probability(r.probability(image, k)), textX, y + 20 + 13 * k);
        }
    }

}
