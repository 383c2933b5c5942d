package org.mnistrecognition.app;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** Keeps a canvas the size of the region that holds it, for views drawn on a canvas. */
public final class CanvasSizing {
    private CanvasSizing() {
    }

    /**
     * Gives {@code canvas} the size of {@code region} (snapped to whole pixels) and runs
     * {@code redraw} if that changed it; for the region's {@code layoutChildren}.
     */
    public static void fill(Region region, Canvas canvas, Runnable redraw) {
        double w = region.snapSizeX(region.getWidth());
        double h = region.snapSizeY(region.getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw.run();
        }
    }
}
