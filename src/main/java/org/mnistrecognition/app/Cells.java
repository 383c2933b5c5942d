package org.mnistrecognition.app;

import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** Table cells that show their value as text. */
public final class Cells {
    private Cells() {
    }

    /** A cell showing {@code format} of its value, and nothing when empty or null. */
    public static <S, T> TableCell<S, T> formatted(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : format.apply(value));
            }
        };
    }

    /**
     * A cell showing its text, whole in a tooltip too (for a column too narrow for its longest
     * values), and nothing when empty or null.
     */
    public static <S> TableCell<S, String> withTooltip() {
        return new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                boolean blank = empty || value == null || value.isEmpty();
                setText(blank ? null : value);
                tooltip.setText(blank ? "" : value);
                setTooltip(blank ? null : tooltip);
            }
        };
    }
}
