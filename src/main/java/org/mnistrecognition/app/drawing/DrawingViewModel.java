package org.mnistrecognition.app.drawing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.DrawingBoard;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.Prediction;
import org.mnistrecognition.preprocess.DigitPreprocessor;
import org.mnistrecognition.preprocess.NoDigitException;

/**
 * The drawing pane's state and commands: the drawing and its undo history, the 28x28 input the network sees,
 * and what the network reads in it. Touches no control, so it runs in plain unit tests.
 *
 * <p>Commands change the ink at once; the costly part (preprocessing the canvas and the forward pass) is
 * {@link #requestUpdate() requested} from the {@code updates} executor, at most one request pending: the view
 * runs it at the next pulse, so however many pointer events arrive in one frame, the drawing is read once
 * per frame, just before it is shown. A new network in {@link AppState#networkProperty()} (for instance a
 * training snapshot) re-reads the current input without preprocessing again.
 *
 * <p>Used on one thread, the FX thread in the app.
 */
public final class DrawingViewModel implements DrawingBoard {
    /** The side of the square canvas, in pixels: ten times MNIST's 28. */
    public static final int CANVAS_SIZE = 280;
    /** The pen's width in canvas pixels: MNIST's 2-3 pixel strokes, ten times over. */
    public static final double PEN_WIDTH = 22;
    /** The eraser's width in canvas pixels. */
    public static final double ERASER_WIDTH = 44;
    /** The number of classes the bars show. */
    public static final int DIGITS = 10;
    /** The number of inputs the network reads: the 28x28 pixels of the preprocessed drawing. */
    public static final int INPUTS = DigitPreprocessor.SIDE * DigitPreprocessor.SIDE;

    /** How the guess compares with the true label of a test digit. */
    public enum Verdict {
        /** No test digit, or no guess. */
        NONE,
        /** The guess is the true label. */
        RIGHT,
        /** The guess is another digit. */
        WRONG
    }

    private final AppState state;
    private final Executor updates;
    private final RandomGenerator random;
    private final Drawing drawing = new Drawing(CANVAS_SIZE, CANVAS_SIZE, PEN_WIDTH / 2, ERASER_WIDTH / 2);
    private boolean updatePending;
    private boolean inkDirty;

    private final ReadOnlyLongWrapper inkVersion = new ReadOnlyLongWrapper(this, "inkVersion");
    private final ReadOnlyObjectWrapper<double[]> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>(this, "prediction");
    private final ReadOnlyIntegerWrapper guess = new ReadOnlyIntegerWrapper(this, "guess", -1);
    private final ReadOnlyStringWrapper guessText = new ReadOnlyStringWrapper(this, "guessText", "–");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final List<ReadOnlyDoubleWrapper> probabilities = new ArrayList<>();
    private final ReadOnlyIntegerWrapper trueLabel = new ReadOnlyIntegerWrapper(this, "trueLabel", Sheet.NO_LABEL);
    private final ReadOnlyStringWrapper trueLabelText = new ReadOnlyStringWrapper(this, "trueLabelText", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict", Verdict.NONE);
    private final ReadOnlyBooleanWrapper blank = new ReadOnlyBooleanWrapper(this, "blank", true);
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper(this, "undoable");
    private final BooleanBinding testDigitsAvailable;

    /**
     * A view model on {@code state}.
     *
     * @param updates runs the requested updates: the next pulse in the app, {@code Runnable::run} in tests
     * @param random picks the random test digits
     */
    public DrawingViewModel(AppState state, Executor updates, RandomGenerator random) {
        this.state = Objects.requireNonNull(state, "state");
        this.updates = Objects.requireNonNull(updates, "updates");
        this.random = Objects.requireNonNull(random, "random");
        for (int d = 0; d < DIGITS; d++) {
            probabilities.add(new ReadOnlyDoubleWrapper(this, "probability" + d));
        }
        testDigitsAvailable = Bindings.createBooleanBinding(() -> testSet() != null, state.dataProperty());
        state.networkProperty().addListener((observable, old, network) -> requestUpdate());
        read();
    }

    // ---- commands

    /** Puts the pen (or, with {@code eraser}, the eraser) down at canvas point {@code (x, y)}. */
    public void beginStroke(double x, double y, boolean eraser) {
        drawing.beginStroke(x, y, eraser);
        inkChanged();
    }

    /** Moves the pen or eraser that is down to {@code (x, y)}, drawing on the way; ignored when none is down. */
    public void extendStroke(double x, double y) {
        if (drawing.extendStroke(x, y)) {
            inkChanged();
        }
    }

    /** Lifts the pen or eraser. */
    public void endStroke() {
        if (drawing.isStroking()) {
            drawing.endStroke();
            inkChanged();
        }
    }

    /** Wipes the canvas, test digit included (undoable). */
    @Override
    public void clear() {
        if (!drawing.isBlankPaper()) {
            drawing.startOver(Sheet.BLANK);
            inkChanged();
        }
    }

    /** Takes back the last stroke, Clear or test digit. */
    public void undo() {
        if (drawing.undo()) {
            inkChanged();
        }
    }

    /** Puts a random digit of the test set on the canvas, with its true label; does nothing without one. */
    public void randomTestDigit() {
        DataSet test = testSet();
        if (test == null) {
            return;
        }
        int index = random.nextInt(test.size());
        double[] picture = new double[test.pixelsPerImage()];
        test.copyImage(index, picture);
        drawing.startOver(new Sheet(picture, test.cols(), test.label(index)));
        inkChanged();
    }

    /** The input as the drawing is now, reading it first if the ink changed since the last update. */
    @Override
    public double[] inputNow() {
        if (inkDirty) {
            update();
        }
        return input.get();
    }

    /** Puts a digit on the canvas with its true label, as a random test digit is (undoable). */
    @Override
    public void show(double[] picture, int side, int label) {
        drawing.startOver(new Sheet(picture, side, label));
        inkChanged();
    }

    /**
     * Asks for the drawing to be read again (at the next pulse in the app); any number of requests before it
     * runs make one update.
     */
    public void requestUpdate() {
        if (!updatePending) {
            updatePending = true;
            updates.execute(this::update);
        }
    }

    // ---- state

    /** The ink on the canvas, for the view to paint; never to be written. */
    InkRaster ink() {
        return drawing.ink();
    }

    /** Counts the updates that found the ink changed: the view repaints the canvas when it moves. */
    public ReadOnlyLongProperty inkVersionProperty() {
        return inkVersion.getReadOnlyProperty();
    }

    /**
     * The 28x28 input the network sees, row-major, ink 1 and paper 0 (a fresh array each time, never
     * modified); null while the canvas holds no digit.
     */
    @Override
    public ReadOnlyObjectProperty<double[]> inputProperty() {
        return input.getReadOnlyProperty();
    }

    /** What the network reads in the input; null without a digit or a usable network. */
    public ReadOnlyObjectProperty<Prediction> predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    /** The guessed digit, -1 without a prediction. */
    public ReadOnlyIntegerProperty guessProperty() {
        return guess.getReadOnlyProperty();
    }

    /** The guess to show in large type: the digit, or a dash without one. */
    public ReadOnlyStringProperty guessTextProperty() {
        return guessText.getReadOnlyProperty();
    }

    /** A line under the guess: how sure the network is, or why there is no guess ("draw a digit", "no model"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The probability of {@code digit} (0-9) in the prediction; 0 without one. */
    public ReadOnlyDoubleProperty probabilityProperty(int digit) {
        return probabilities.get(digit).getReadOnlyProperty();
    }

    /** The true label of the test digit on the canvas, -1 when it shows none. */
    public ReadOnlyIntegerProperty trueLabelProperty() {
        return trueLabel.getReadOnlyProperty();
    }

    /** "true label: 7" while a test digit is on the canvas ("..., drawn over" once strokes are added); else empty. */
    public ReadOnlyStringProperty trueLabelTextProperty() {
        return trueLabelText.getReadOnlyProperty();
    }

    /** Whether the guess matches the test digit's true label. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Whether the canvas is bare paper with nothing drawn since (Clear has nothing to do). */
    public ReadOnlyBooleanProperty blankProperty() {
        return blank.getReadOnlyProperty();
    }

    /** Whether there is something to undo. */
    public ReadOnlyBooleanProperty undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    /** Whether a test set is loaded to take random digits from. */
    public BooleanBinding testDigitsAvailableProperty() {
        return testDigitsAvailable;
    }

    // ---- the update

    private void inkChanged() {
        inkDirty = true;
        requestUpdate();
    }

    /** Preprocesses the canvas if its ink changed, then runs the network on the input. */
    private void update() {
        updatePending = false;
        if (inkDirty) {
            inkDirty = false;
            input.set(preprocess());
            inkVersion.set(inkVersion.get() + 1);
            blank.set(drawing.isBlankPaper());
            undoable.set(drawing.canUndo());
            Sheet sheet = drawing.sheet();
            trueLabel.set(sheet.label());
            trueLabelText.set(sheet.isBlank() ? ""
                    : "true label: " + sheet.label() + (drawing.hasStrokes() ? " (drawn over)" : ""));
        }
        read();
    }

    private double[] preprocess() {
        try {
            return DigitPreprocessor.toMnist(drawing.ink().toImage());
        } catch (NoDigitException e) {
            return null;
        }
    }

    /** Runs the current network on the current input and shows the outcome. */
    private void read() {
        double[] in = input.get();
        Network network = state.networkProperty().get();
        Prediction p = null;
        String why;
        if (network == null) {
            why = "no model: load or train one";
        } else if (network.inputSize() != INPUTS || network.outputSize() != DIGITS) {
            why = "the model reads " + network.inputSize() + " inputs into " + network.outputSize()
                    + " classes, not 28×28 pixels into 10 digits";
        } else if (in == null) {
            why = "draw a digit";
        } else {
            p = network.read(in);
            if (finite(p.probabilities())) {
                why = sureness(p.confidence());
            } else {
                p = null;
                why = "the network's outputs are not numbers";
            }
        }
        prediction.set(p);
        guess.set(p == null ? -1 : p.digit());
        guessText.set(p == null ? "–" : Integer.toString(p.digit()));
        status.set(why);
        for (int d = 0; d < DIGITS; d++) {
            probabilities.get(d).set(p == null ? 0 : p.probabilities()[d]);
        }
        int label = trueLabel.get();
        verdict.set(p == null || label < 0 ? Verdict.NONE : p.digit() == label ? Verdict.RIGHT : Verdict.WRONG);
    }

    /** "87.5% sure", never rounded up to a certainty the network does not have. */
    private static String sureness(double confidence) {
        return Texts.probability(confidence).replace(">", "over ") + " sure";
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The loaded test set if it has square images to put on the canvas, else null. */
    private DataSet testSet() {
        MnistData data = state.dataProperty().get();
        if (data == null || data.test().isEmpty() || data.test().rows() != data.test().cols()) {
            return null;
        }
        return data.test();
    }
}
