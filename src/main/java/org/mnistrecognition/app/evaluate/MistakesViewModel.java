package org.mnistrecognition.app.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.TestEvaluation;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.training.ImageResults;

/**
 * The mistakes screen's state: the test images the model got wrong in its latest evaluation,
 * the most confident mistake first, optionally of one true digit only; opening one puts it on
 * the drawing canvas. Touches no control.
 */
public final class MistakesViewModel {
    /** The choice of "every digit" in {@link #digitChoices()}. */
    public static final String ALL = "every digit";

    private final AppState state;
    private final ObservableList<String> digitChoices = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> digit = new SimpleObjectProperty<>(this, "digit", ALL);
    private final ReadOnlyObjectWrapper<Gallery> gallery = new ReadOnlyObjectWrapper<>(this, "gallery",
            Gallery.empty("The mistakes appear here once the model is evaluated on the test set."));
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No evaluation yet.");

    public MistakesViewModel(AppState state) {
        this.state = state;
        List<String> digits = new ArrayList<>();
        for (int d = 0; d <= 9; d++) {
            digits.add(Integer.toString(d));
        }
        digitChoices.addAll(digits);
        state.testEvaluationProperty().addListener(x -> update());
        digit.addListener(x -> update());
        update();
    }

    private void update() {
        TestEvaluation e = state.testEvaluationProperty().get();
        if (e == null) {
            gallery.set(Gallery.empty("The mistakes appear here once the model is evaluated on the test set."));
            summary.set("No evaluation yet.");
            return;
        }
        ImageResults r = e.results();
        int[] all = r.mistakes();
        int only = chosenDigit();
        int[] shown = all;
        if (only >= 0) {
            shown = Arrays.stream(all).filter(i -> r.label(i) == only).toArray();
        }
        String of = only >= 0 ? " of the " + Texts.count(e.evaluation().actual(only)) + " " + only + "s"
                : " of " + Texts.count(r.size()) + " test images";
        summary.set(Texts.count(shown.length) + " mistake" + (shown.length == 1 ? "" : "s") + of + " by " + e.modelName()
                + ", the most confident first. Click one to draw it.");
        gallery.set(new Gallery(e.images(), r, shown, only >= 0 ? "No " + only + " was read wrong." : "No mistakes."));
    }

    private int chosenDigit() {
        String d = digit.get();
        return d == null || ALL.equals(d) ? -1 : Integer.parseInt(d);
    }

    /** Puts the mistake at {@code position} on the drawing canvas, with its true label. */
    public void open(int position) {
        gallery.get().showOn(state.boardProperty().get(), position);
    }

    /** {@link #ALL}, then "0" to "9". */
    public ObservableList<String> digitChoices() {
        return digitChoices;
    }

    /** Which true digit's mistakes to show: {@link #ALL} or "0" to "9". */
    public ObjectProperty<String> digitProperty() {
        return digit;
    }

    public ReadOnlyObjectProperty<Gallery> galleryProperty() {
        return gallery.getReadOnlyProperty();
    }

    /** {@code "104 mistakes of 10,000 test images by bundled model (...), the most confident first. ..."}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
