package org.mnistrecognition.app.evaluate;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mnistrecognition.Problems;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Jobs;
import org.mnistrecognition.app.WhileShown;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Network;

/**
 * The weights screen's state: the first layer's incoming weights of every unit as pictures of the
 * input, made in the background from the network in use each time it changes — during a run, from
 * each snapshot the training pane publishes (a few a second). Touches no control.
 */
public final class WeightsViewModel {
    private final AppState state;
    private final Jobs jobs;
    private final ReadOnlyObjectWrapper<WeightImages> weights = new ReadOnlyObjectWrapper<>(this, "weights");
    private final ObjectProperty<WeightImages.Scale> scale = new SimpleObjectProperty<>(this, "scale", WeightImages.Scale.UNIT);
    private final IntegerProperty selectedUnit = new SimpleIntegerProperty(this, "selectedUnit", -1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No model yet.");
    private final ReadOnlyStringWrapper unitText = new ReadOnlyStringWrapper(this, "unitText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "No model yet.");
    private final WhileShown refresh = new WhileShown(this::update);
    private long updates;

    /** A view model making its pictures on a daemon thread and showing them on the FX thread. */
    public WeightsViewModel(AppState state) {
        this(state, Jobs.standard("weight pictures"));
    }

    WeightsViewModel(AppState state, Jobs jobs) {
        this.state = state;
        this.jobs = jobs;
        state.networkProperty().addListener(x -> refresh.request());
        state.dataProperty().addListener(x -> refresh.request());
        scale.addListener(x -> refresh.request());
        selectedUnit.addListener(x -> describeUnit());
        refresh.request();
    }

    /**
     * Whether the pictures are in view: while they are not, a new network only marks them out of
     * date (making 400 pictures several times a second costs a running training a good part of a
     * core), and they are made when they come into view.
     */
    public BooleanProperty shownProperty() {
        return refresh.shownProperty();
    }

    /** Makes the pictures of the network in use, then calls {@code done}. */
    private void update(Runnable done) {
        Network network = state.networkProperty().get();
        if (network == null) {
            weights.set(null);
            summary.set("No model yet.");
            message.set("No model yet: load or train one.");
            done.run();
            return;
        }
        int[] shape = shape(network, state.dataProperty().get());
        if (shape == null) {
            weights.set(null);
            summary.set(network.architecture().describe());
            message.set("The first layer's " + network.inputSize() + " inputs do not make a square picture.");
            done.run();
            return;
        }
        WeightImages.Scale s = scale.get() == null ? WeightImages.Scale.UNIT : scale.get();
        jobs.start(p -> WeightImages.of(network, shape[0], shape[1], s), new Jobs.Outcome<WeightImages>() {
            @Override
            public void done(WeightImages value) {
                updates++;
                weights.set(value);
                summary.set(String.format(Locale.ROOT, "%s: the first layer's weights into each of its %d units, %d×%d "
                        + "pictures of the input; blue negative, red positive.", network.architecture().describe(),
                        value.units(), value.rows(), value.cols()));
                message.set("");
                describeUnit();
                done.run();
            }

            @Override
            public void failed(Throwable problem) {
                message.set("Cannot draw the weights: " + Problems.describe(problem));
                done.run();
            }
        });
    }

    /** The inputs as a picture: the data set's image size if it fits, else a square; null if neither. */
    private static int[] shape(Network network, MnistData data) {
        int inputs = network.inputSize();
        if (data != null && data.training().pixelsPerImage() == inputs) {
            return new int[] {data.training().rows(), data.training().cols()};
        }
        int side = WeightImages.squareSide(inputs);
        return side == 0 ? null : new int[] {side, side};
    }

    private void describeUnit() {
        WeightImages w = weights.get();
        int u = selectedUnit.get();
        if (w == null || u < 0 || u >= w.units()) {
            unitText.set("Click a unit to see its scale.");
            return;
        }
        unitText.set(String.format(Locale.ROOT, "Unit %d: full colour is a weight of ±%.3g", u, w.scale()[u]));
    }

    /** The pictures (null without a model whose inputs make one). */
    public ReadOnlyObjectProperty<WeightImages> weightsProperty() {
        return weights.getReadOnlyProperty();
    }

    /** How weights become colours. */
    public ObjectProperty<WeightImages.Scale> scaleProperty() {
        return scale;
    }

    /** The unit chosen in the grid, -1 for none. */
    public IntegerProperty selectedUnitProperty() {
        return selectedUnit;
    }

    /** What the grid shows. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The chosen unit's scale. */
    public ReadOnlyStringProperty unitTextProperty() {
        return unitText.getReadOnlyProperty();
    }

    /** Why there is no picture ("" when there is). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How many times the pictures were made (for tests). */
    long updates() {
        return updates;
    }
}
