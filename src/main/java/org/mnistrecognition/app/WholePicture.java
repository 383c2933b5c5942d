package org.mnistrecognition.app;

/**
 * A view that shows part of what it holds at a time (scrolled) and can paint all of it, a strip of
 * rows at a time, for a saved picture ({@link PictureExport}). The whole picture is as wide as the
 * view and as tall as its content. Everything here runs on the FX thread.
 */
public interface WholePicture {
    /** Paints rows of the whole picture. */
    @FunctionalInterface
    interface Rows {
        /**
         * Paints rows {@code [top, top + rows)} of the whole picture into {@code argb}
         * ({@code rows × }{@link #wholeWidth()} pixels, row-major, {@code 0xAARRGGBB}, opaque).
         *
         * @throws IllegalStateException if what the view holds changed since this painter was made
         */
        void paint(int top, int rows, int[] argb);
    }

    /** The whole picture's width in pixels: the view's. */
    int wholeWidth();

    /** The whole picture's height in pixels: all of the content, in view or not. */
    int wholeHeight();

    /** Whether some of the content is out of view, so that a snapshot of the view would not show it all. */
    boolean isCut();

    /** A painter of the picture as it is now, keeping what it needs between strips. */
    Rows wholeRows();
}
