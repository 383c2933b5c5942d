package org.mnistrecognition.app.drawing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Ten vertical bars, one per digit 0-9, each as tall as the network's probability for it, with the percentage
 * above and the digit below; the guessed digit's bar is marked with the {@code :guess} pseudo-class.
 * Style classes: {@code probability-bars}, {@code bar-column}, {@code bar-value}, {@code bar-track},
 * {@code bar}, {@code bar-digit}.
 */
public final class ProbabilityBars extends HBox {
    private static final PseudoClass GUESS = PseudoClass.getPseudoClass("guess");

    private final List<DoubleProperty> probabilities = new ArrayList<>();
    private final IntegerProperty highlighted = new SimpleIntegerProperty(this, "highlighted", -1);
    private final List<VBox> columns = new ArrayList<>();

    public ProbabilityBars() {
        getStyleClass().add("probability-bars");
        for (int digit = 0; digit < DrawingViewModel.DIGITS; digit++) {
            DoubleProperty p = new SimpleDoubleProperty(this, "probability" + digit);
            probabilities.add(p);
            VBox column = column(digit, p);
            columns.add(column);
            getChildren().add(column);
        }
        highlighted.addListener((observable, old, now) -> {
            for (int d = 0; d < columns.size(); d++) {
                columns.get(d).pseudoClassStateChanged(GUESS, d == now.intValue());
            }
        });
    }

    /** The probability, in {@code [0,1]}, that bar {@code digit} shows. */
    public DoubleProperty probabilityProperty(int digit) {
        return probabilities.get(digit);
    }

    /** The digit whose bar is marked as the guess; -1 for none. */
    public IntegerProperty highlightedProperty() {
        return highlighted;
    }

    private static VBox column(int digit, DoubleProperty p) {
        Label value = new Label();
        value.getStyleClass().add("bar-value");
        value.textProperty().bind(p.map(ProbabilityBars::percent));
        Region bar = new Region();
        bar.getStyleClass().add("bar");
        StackPane track = new StackPane(bar);
        track.getStyleClass().add("bar-track");
        track.setAlignment(Pos.BOTTOM_CENTER);
        bar.maxHeightProperty().bind(track.heightProperty().multiply(p));
        bar.setMinHeight(0);
        VBox.setVgrow(track, Priority.ALWAYS);
        Label name = new Label(Integer.toString(digit));
        name.getStyleClass().add("bar-digit");
        VBox column = new VBox(value, track, name);
        column.getStyleClass().add("bar-column");
        column.setAlignment(Pos.BOTTOM_CENTER);
        column.accessibleTextProperty().bind(p.map(v -> "digit " + digit + ": " + percent(v)));
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    private static String percent(Number probability) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * probability.doubleValue());
    }
}
