package org.mnistrecognition.app.drawing;

import java.util.ArrayList;
import java.util.List;

/**
 * The drawing on the canvas: its ink and the edits that made it, for undo.
 *
 * <p>The history is a list of {@link Edit}s. A {@link Sheet} starts the picture over (Clear puts down blank
 * paper, Random test digit an MNIST digit); every {@link Stroke} after it adds or erases ink. Undo drops the
 * last edit and rebuilds the ink from the last sheet left, so Clear and a test digit can be undone too. Only
 * the stroke being drawn is open; drawing it touches nothing but the pixels under the pen.
 */
final class Drawing {
    private final InkRaster ink;
    private final double penRadius;
    private final double eraserRadius;
    private final List<Edit> history = new ArrayList<>();
    private Stroke open;

    /**
     * An empty drawing.
     *
     * @param width the canvas width in pixels
     * @param height the canvas height in pixels
     * @param penRadius half the pen's width, in canvas pixels
     * @param eraserRadius half the eraser's width, in canvas pixels
     */
    Drawing(int width, int height, double penRadius, double eraserRadius) {
        this.ink = new InkRaster(width, height);
        this.penRadius = penRadius;
        this.eraserRadius = eraserRadius;
    }

    /** The ink; read it, never write it. */
    InkRaster ink() {
        return ink;
    }

    /** Starts a stroke at {@code (x, y)}, ending the open one first if there is one. */
    void beginStroke(double x, double y, boolean eraser) {
        endStroke();
        open = new Stroke(x, y, eraser ? eraserRadius : penRadius, eraser, ink);
        history.add(open);
    }

    /**
     * Extends the open stroke to {@code (x, y)}.
     *
     * @return whether the ink changed (not without an open stroke, nor for a move too small to count)
     */
    boolean extendStroke(double x, double y) {
        return open != null && open.extend(x, y, ink);
    }

    /** Ends the open stroke, if any, laying its last piece. */
    void endStroke() {
        if (open != null) {
            open.finish(ink);
            open = null;
        }
    }

    /** Whether a stroke is being drawn. */
    boolean isStroking() {
        return open != null;
    }

    /** Starts over from {@code sheet}: blank paper or a test digit. */
    void startOver(Sheet sheet) {
        endStroke();
        history.add(sheet);
        sheet.lay(ink);
    }

    /** Whether there is an edit to undo. */
    boolean canUndo() {
        return !history.isEmpty();
    }

    /**
     * Takes back the last edit (the open stroke, if one is being drawn).
     *
     * @return whether there was one
     */
    boolean undo() {
        if (history.isEmpty()) {
            return false;
        }
        open = null;
        history.remove(history.size() - 1);
        int start = lastSheet();
        if (start < 0) {
            ink.clear();
        } else {
            ((Sheet) history.get(start)).lay(ink);
        }
        for (int i = start + 1; i < history.size(); i++) {
            ((Stroke) history.get(i)).replay(ink);
        }
        return true;
    }

    /** Whether the drawing is blank paper with no stroke on it since (so Clear has nothing to do). */
    boolean isBlankPaper() {
        int start = lastSheet();
        return start == history.size() - 1 && (start < 0 || ((Sheet) history.get(start)).isBlank());
    }

    /** The sheet the drawing started from: {@link Sheet#BLANK} unless it is a test digit. */
    Sheet sheet() {
        int start = lastSheet();
        return start < 0 ? Sheet.BLANK : (Sheet) history.get(start);
    }

    /** Whether strokes were drawn since the last sheet was put down. */
    boolean hasStrokes() {
        return lastSheet() < history.size() - 1;
    }

    private int lastSheet() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof Sheet) {
                return i;
            }
        }
        return -1;
    }
}
