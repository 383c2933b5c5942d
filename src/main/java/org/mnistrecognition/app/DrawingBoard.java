package org.mnistrecognition.app;

import javafx.beans.property.ReadOnlyObjectProperty;

/** The drawing pane as other screens use it: they put digits on its canvas and read what is drawn. */
public interface DrawingBoard {
    /**
     * Puts a digit on the canvas (undoably), replacing what is there.
     *
     * @param picture {@code side × side} ink values in [0, 1], row-major (ink 1, paper 0)
     * @param label its true label 0-9
     */
    void show(double[] picture, int side, int label);

    /** Wipes the canvas (undoably). */
    void clear();

    /**
     * The 28x28 input the network reads in the drawing, row-major, ink 1 and paper 0 (never to be
     * modified); null while the canvas holds no digit.
     */
    ReadOnlyObjectProperty<double[]> inputProperty();

    /**
     * The input as the drawing is now: a read that is pending (the ink changed since the last
     * pulse) is done first, so that what is saved is what is on the canvas. Null without a digit.
     */
    double[] inputNow();
}
