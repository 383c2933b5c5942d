package org.mnistrecognition.app.drawing;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.mnistrecognition.preprocess.DigitPreprocessor;

/**
 * A 28x28 picture shown pixel by pixel: each pixel a square of its grey level (ink dark on white paper, as on
 * the canvas), with thin grid lines between them.
 */
public final class PixelGrid extends Region {
    /** The side of one pixel's square on screen. */
    static final int CELL = 7;
    private static final int SIDE = DigitPreprocessor.SIDE;
    private static final Color LINES = Color.rgb(128, 128, 128, 0.3);

    private final Canvas canvas = new Canvas(SIDE * CELL + 1, SIDE * CELL + 1);
    private final ObjectProperty<double[]> pixels = new SimpleObjectProperty<>(this, "pixels");

    public PixelGrid() {
        getStyleClass().add("pixel-grid");
        getChildren().add(canvas);
        pixels.addListener((observable, old, now) -> paint());
        paint();
    }

    /** The {@code 28 * 28} ink values in {@code [0,1]} to show, row-major; null for an empty grid. */
    public ObjectProperty<double[]> pixelsProperty() {
        return pixels;
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(snappedLeftInset(), snappedTopInset());
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + canvas.getWidth() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + canvas.getHeight() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double[] values = pixels.get();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (values != null) {
            for (int i = 0; i < SIDE * SIDE; i++) {
                if (values[i] > 0) {
                    g.setFill(Color.gray(1 - values[i]));
                    g.fillRect(i % SIDE * CELL, i / SIDE * CELL, CELL, CELL);
                }
            }
        }
        g.setStroke(LINES);
        g.setLineWidth(1);
        for (int k = 0; k <= SIDE; k++) {
            double at = k * CELL + 0.5;
            g.strokeLine(at, 0, at, SIDE * CELL + 1);
            g.strokeLine(0, at, SIDE * CELL + 1, at);
        }
    }
}
