package org.mnistrecognition.app.drawing;

import java.util.Random;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import org.mnistrecognition.app.AppState;

/**
 * The drawing pane's FXML controller: binds the controls of {@code DrawingView.fxml} to a
 * {@link DrawingViewModel}, turns pointer and key events into its commands, and paints its ink.
 *
 * <p>Mouse, pen and touch draw with the primary button and erase with the secondary one (touch and pen reach
 * the canvas as synthesised mouse events; the secondary button opens no context menu there). Delete or Escape clears and Ctrl+Z (Cmd+Z on a Mac) undoes while
 * the pane has the focus.
 */
public final class DrawingView {
    private static final PseudoClass RIGHT = PseudoClass.getPseudoClass("right");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass ERASER = PseudoClass.getPseudoClass("eraser");
    private static final PseudoClass NONE = PseudoClass.getPseudoClass("none");
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    /** The ink's colour at full strength, and the paper's, as ARGB. */
    private static final int INK = 0xFF1B1F3A;
    private static final int PAPER = 0xFFFFFFFF;

    private final AppState state;
    private final DrawingViewModel viewModel;
    private final int size = DrawingViewModel.CANVAS_SIZE;
    private final WritableImage image = new WritableImage(size, size);
    private final int[] argb = new int[size * size];
    /** The button drawing the current stroke, or null between strokes. */
    private MouseButton strokeButton;

    @FXML
    private Region root;
    @FXML
    private Pane paper;
    @FXML
    private ImageView canvas;
    @FXML
    private Pane overlay;
    @FXML
    private Circle pen;
    @FXML
    private Label hint;
    @FXML
    private PixelGrid input;
    @FXML
    private Label guess;
    @FXML
    private Label status;
    @FXML
    private Label trueLabel;
    @FXML
    private ProbabilityBars bars;
    @FXML
    private Button clearButton;
    @FXML
    private Button undoButton;
    @FXML
    private Button randomButton;

    /** A controller on the app's shared state, as the controller factory makes it. */
    public DrawingView(AppState state) {
        this.state = state;
        this.viewModel = new DrawingViewModel(state, new NextPulse(), new Random());
    }

    /** The view model, for the tests and for views that embed this one. */
    public DrawingViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        state.boardProperty().set(viewModel);
        canvas.setImage(image);
        canvas.setCursor(Cursor.CROSSHAIR);
        overlay.setClip(new Rectangle(size, size));
        paint();
        viewModel.inkVersionProperty().addListener((observable, old, now) -> paint());
        hint.visibleProperty().bind(viewModel.blankProperty());
        input.pixelsProperty().bind(viewModel.inputProperty());
        guess.textProperty().bind(viewModel.guessTextProperty());
        guess.pseudoClassStateChanged(NONE, viewModel.guessProperty().get() < 0);
        viewModel.guessProperty().addListener(
                (observable, old, now) -> guess.pseudoClassStateChanged(NONE, now.intValue() < 0));
        status.textProperty().bind(viewModel.statusProperty());
        trueLabel.textProperty().bind(viewModel.trueLabelTextProperty());
        trueLabel.visibleProperty().bind(viewModel.trueLabelProperty().greaterThanOrEqualTo(0));
        viewModel.verdictProperty().addListener((observable, old, verdict) -> showVerdict(verdict));
        for (int d = 0; d < DrawingViewModel.DIGITS; d++) {
            bars.probabilityProperty(d).bind(viewModel.probabilityProperty(d));
        }
        bars.highlightedProperty().bind(viewModel.guessProperty());
        clearButton.disableProperty().bind(viewModel.blankProperty());
        undoButton.disableProperty().bind(viewModel.undoableProperty().not());
        randomButton.disableProperty().bind(viewModel.testDigitsAvailableProperty().not());

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> showPen(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> pen.setVisible(strokeButton != null));
        canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, ContextMenuEvent::consume);
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    @FXML
    private void clear() {
        viewModel.clear();
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void randomTestDigit() {
        viewModel.randomTestDigit();
    }

    private void pressed(MouseEvent e) {
        paper.requestFocus();
        if (strokeButton != null || (e.getButton() != MouseButton.PRIMARY && e.getButton() != MouseButton.SECONDARY)) {
            return;
        }
        strokeButton = e.getButton();
        boolean eraser = strokeButton == MouseButton.SECONDARY;
        pen.pseudoClassStateChanged(ERASER, eraser);
        pen.setRadius((eraser ? DrawingViewModel.ERASER_WIDTH : DrawingViewModel.PEN_WIDTH) / 2);
        showPen(e.getX(), e.getY());
        viewModel.beginStroke(e.getX(), e.getY(), eraser);
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (strokeButton != null) {
            showPen(e.getX(), e.getY());
            viewModel.extendStroke(e.getX(), e.getY());
            e.consume();
        }
    }

    private void released(MouseEvent e) {
        if (e.getButton() == strokeButton) {
            viewModel.extendStroke(e.getX(), e.getY());
            viewModel.endStroke();
            strokeButton = null;
            pen.pseudoClassStateChanged(ERASER, false);
            pen.setRadius(DrawingViewModel.PEN_WIDTH / 2);
            pen.setVisible(canvas.isHover());
            e.consume();
        }
    }

    /** Shows the outline of the pen (or eraser) tip at canvas point {@code (x, y)}. */
    private void showPen(double x, double y) {
        pen.setCenterX(x);
        pen.setCenterY(y);
        pen.setVisible(true);
    }

    private void keyPressed(KeyEvent e) {
        boolean plain = !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
        if (plain && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.ESCAPE)) {
            viewModel.clear();
            e.consume();
        } else if (UNDO.match(e)) {
            viewModel.undo();
            e.consume();
        }
    }

    private void showVerdict(DrawingViewModel.Verdict verdict) {
        trueLabel.pseudoClassStateChanged(RIGHT, verdict == DrawingViewModel.Verdict.RIGHT);
        trueLabel.pseudoClassStateChanged(WRONG, verdict == DrawingViewModel.Verdict.WRONG);
    }

    /** Paints the view model's ink on the canvas image: paper blended towards the ink colour. */
    private void paint() {
        InkRaster ink = viewModel.ink();
        for (int i = 0; i < argb.length; i++) {
            argb[i] = blend(ink.at(i));
        }
        image.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), argb, 0, size);
    }

    private static int blend(double amount) {
        int r = channel(PAPER >> 16, INK >> 16, amount);
        int g = channel(PAPER >> 8, INK >> 8, amount);
        int b = channel(PAPER, INK, amount);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int channel(int paper, int ink, double amount) {
        int p = paper & 0xFF;
        int k = ink & 0xFF;
        return (int) Math.round(p + (k - p) * amount);
    }
}
