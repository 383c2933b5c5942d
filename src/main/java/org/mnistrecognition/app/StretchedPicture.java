package org.mnistrecognition.app;

/**
 * A picture of a view in which one part, a {@link WholePicture} (a scrolled gallery), is shown
 * whole: the view's own pixels above and below the part, the part's whole picture in its place,
 * so that the picture is taller than the view by what the part hid. Columns beside the part
 * repeat the view's pixels at the part's middle row (a frame or margin, say); columns of the part
 * beyond the whole picture's width, the same. Made and read on the FX thread.
 */
final class StretchedPicture {
    private final int[] view;
    private final int viewWidth;
    private final int viewHeight;
    private final int x;
    private final int y;
    private final int w;
    private final int h;
    private final int wholeWidth;
    private final int wholeHeight;
    private final WholePicture.Rows whole;
    private int[] scratch = new int[0];

    /**
     * The view's snapshot with the part at {@code (x, y)}, {@code w × h} in it replaced by the
     * part's whole picture.
     *
     * @param view {@code viewWidth × viewHeight} pixels, row-major, {@code 0xAARRGGBB}
     * @param wholeWidth the whole picture's width, which {@code whole} paints
     * @param wholeHeight the whole picture's height
     * @throws IllegalArgumentException if the part is not wholly inside the view or is empty
     */
    StretchedPicture(int[] view, int viewWidth, int viewHeight, int x, int y, int w, int h,
            int wholeWidth, int wholeHeight, WholePicture.Rows whole) {
        if (view.length < (long) viewWidth * viewHeight || w <= 0 || h <= 0 || x < 0 || y < 0
                || x + w > viewWidth || y + h > viewHeight || wholeWidth <= 0 || wholeHeight <= 0) {
            throw new IllegalArgumentException("a part " + w + "x" + h + " at (" + x + ", " + y + ") of a view "
                    + viewWidth + "x" + viewHeight + " showing " + wholeWidth + "x" + wholeHeight);
        }
        this.view = view;
        this.viewWidth = viewWidth;
        this.viewHeight = viewHeight;
        this.x = x;
        this.y = y;
        this.w = w;
        this.h = h;
        this.wholeWidth = wholeWidth;
        this.wholeHeight = wholeHeight;
        this.whole = whole;
    }

    int width() {
        return viewWidth;
    }

    int height() {
        return viewHeight - h + wholeHeight;
    }

    /**
     * Fills {@code out} with rows {@code [top, top + rows)} of the picture ({@code rows ×}
     * {@link #width()} pixels, row-major).
     */
    void rows(int top, int rows, int[] out) {
        if (top < 0 || rows < 0 || top + rows > height() || out.length < (long) rows * viewWidth) {
            throw new IllegalArgumentException("rows " + top + " to " + (top + rows) + " of " + height());
        }
        int from = Math.max(top, y);
        int to = Math.min(top + rows, y + wholeHeight);
        if (from < to) {
            int need = (to - from) * wholeWidth;
            if (scratch.length < need) {
                scratch = new int[need];
            }
            whole.paint(from - y, to - from, scratch);
        }
        int middle = (y + h / 2) * viewWidth;
        int shown = Math.min(w, wholeWidth);
        for (int r = top; r < top + rows; r++) {
            int at = (r - top) * viewWidth;
            if (r < y) {
                System.arraycopy(view, r * viewWidth, out, at, viewWidth);
            } else if (r < y + wholeHeight) {
                System.arraycopy(view, middle, out, at, viewWidth);
                System.arraycopy(scratch, (r - from) * wholeWidth, out, at + x, shown);
            } else {
                System.arraycopy(view, (r - wholeHeight + h) * viewWidth, out, at, viewWidth);
            }
        }
    }
}
