package org.mnistrecognition.app;

import java.util.function.Function;
import javafx.scene.control.TableCell;

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
}
