package org.mnistrecognition.app;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Network;

/**
 * What the screens of the app share, on the FX thread: the data set in use, the network the
 * drawing pane reads (the loaded model, or a snapshot of the one being trained) and a short
 * description of it for the status bar, the latest test evaluation, the drawing pane as other
 * screens use it, and the user's folders. Screens observe these properties; only the FX thread
 * sets them.
 */
public final class AppState {
    private final UserFolders folders;
    private final ObjectProperty<MnistData> data = new SimpleObjectProperty<>(this, "data");
    private final ObjectProperty<Network> network = new SimpleObjectProperty<>(this, "network");
    private final StringProperty modelName = new SimpleStringProperty(this, "modelName", "no model");
    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper(this, "training");
    private final ReadOnlyBooleanWrapper tuning = new ReadOnlyBooleanWrapper(this, "tuning");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final BooleanBinding modelBusy = training.or(tuning).or(loading);
    private final ObjectProperty<TestEvaluation> testEvaluation = new SimpleObjectProperty<>(this, "testEvaluation");
    private final ObjectProperty<DrawingBoard> board = new SimpleObjectProperty<>(this, "board");

    /** The app's state, keeping the user's files in this user's standard folders. */
    public AppState() {
        this(UserFolders.standard());
    }

    /** The app's state, keeping the user's files (runs, handwriting) in {@code folders}. */
    public AppState(UserFolders folders) {
        this.folders = folders;
    }

    /** Where the user's own files go: the run history, the handwriting set. */
    public UserFolders folders() {
        return folders;
    }

    /** The data set (training, validation and test images) in use; null until loaded. */
    public ObjectProperty<MnistData> dataProperty() {
        return data;
    }

    /**
     * The network that reads the drawings: never modified after it is set (a trainer publishes
     * fresh copies), so any thread may run it.
     */
    public ObjectProperty<Network> networkProperty() {
        return network;
    }

    /** Where the network came from, e.g. "bundled model (best, 98.9%)" or "training: seed, 12,000 / 50,000". */
    public StringProperty modelNameProperty() {
        return modelName;
    }

    /**
     * Whether the model in use must stay as it is for now, since a run trains it, a fine-tuning
     * tunes it or a file is being read or written: what every screen that changes the model or
     * starts a run asks.
     */
    public BooleanBinding modelBusyProperty() {
        return modelBusy;
    }

    /** Whether a training run is going (settings locked, model menu items disabled). */
    public ReadOnlyBooleanProperty trainingProperty() {
        return training.getReadOnlyProperty();
    }

    public void setTraining(boolean on) {
        training.set(on);
    }

    /**
     * Whether the model in use is being fine-tuned in the background: until it ends, nothing else
     * may replace the model (the tuned copy takes its place) or start a run.
     */
    public ReadOnlyBooleanProperty tuningProperty() {
        return tuning.getReadOnlyProperty();
    }

    public void setTuning(boolean on) {
        tuning.set(on);
    }

    /**
     * Whether a model, a data set or an interrupted run is being loaded (or a file written) in the
     * background: a run started now would have its data or model replaced when that ends.
     */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public void setLoading(boolean on) {
        loading.set(on);
    }

    /** The latest evaluation of a model on the test set (null before the first), shared by the evaluation screens. */
    public ObjectProperty<TestEvaluation> testEvaluationProperty() {
        return testEvaluation;
    }

    /** The drawing pane, for screens that put a digit on its canvas or save what is drawn (null without one). */
    public ObjectProperty<DrawingBoard> boardProperty() {
        return board;
    }
}
