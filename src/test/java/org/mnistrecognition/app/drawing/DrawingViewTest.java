package org.mnistrecognition.app.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistrecognition.app.AppState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The drawing pane in a window (headless): the robot draws, presses keys and clicks buttons. */
@ExtendWith(ApplicationExtension.class)
class DrawingViewTest {
    private DrawingView view;
    private Label guess;

    @Start
    void start(Stage stage) throws IOException {
        AppState state = new AppState();
        state.networkProperty().set(Fixtures.network(1));
        state.dataProperty().set(Fixtures.data());
        FXMLLoader loader = new FXMLLoader(DrawingView.class.getResource("DrawingView.fxml"));
        loader.setControllerFactory(type -> new DrawingView(state));
        stage.setScene(new Scene(loader.load()));
        view = loader.getController();
        guess = (Label) stage.getScene().lookup(".guess");
        stage.show();
    }

    /** Drags the pen down the middle of the canvas. */
    private void drawOne(FxRobot robot) {
        Node canvas = robot.lookup("#canvas").query();
        robot.drag(canvas, MouseButton.PRIMARY).moveBy(0, -80).moveBy(5, 80).moveBy(5, 80).drop();
    }

    /** Waits, up to a generous limit, for the pane to reach a state; what it then shows is asserted. */
    private static void awaitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean guessed() {
        return guess.getText().matches("[0-9]");
    }

    @Test
    void aDrawnDigitGetsAGuessAndProbabilityBars(FxRobot robot) throws TimeoutException {
        assertEquals("–", guess.getText());

        drawOne(robot);
        awaitUntil(this::guessed);

        ProbabilityBars bars = robot.lookup("#bars").queryAs(ProbabilityBars.class);
        double sum = 0;
        for (int d = 0; d < DrawingViewModel.DIGITS; d++) {
            sum += bars.probabilityProperty(d).get();
        }
        assertEquals(1, sum, 1e-9);
        assertEquals(Integer.parseInt(guess.getText()), bars.highlightedProperty().get());
        Node guessBar = robot.lookup(".bar-column").nth(bars.highlightedProperty().get()).lookup(".bar").query();
        assertTrue(guessBar.getBoundsInParent().getHeight() > 0, "the guess's bar has a height");
        assertTrue(robot.lookup(".status").queryLabeled().getText().endsWith("sure"));
    }

    @Test
    void deleteClearsTheCanvas(FxRobot robot) throws TimeoutException {
        drawOne(robot);
        awaitUntil(this::guessed);

        robot.type(KeyCode.DELETE);
        awaitUntil(() -> !guessed());

        assertEquals("–", guess.getText());
        assertTrue(view.viewModel().blankProperty().get());
        assertTrue(robot.lookup("Clear").queryButton().isDisabled());
    }

    @Test
    void ctrlZUndoesTheLastStroke(FxRobot robot) throws TimeoutException {
        drawOne(robot);
        awaitUntil(this::guessed);

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        awaitUntil(() -> !guessed());

        assertTrue(view.viewModel().blankProperty().get());
        assertTrue(robot.lookup("Undo").queryButton().isDisabled());
    }

    @Test
    void theRandomTestDigitButtonShowsATrueLabel(FxRobot robot) throws TimeoutException {
        Label trueLabel = robot.lookup(".true-label").queryAs(Label.class);
        assertTrue(!trueLabel.isVisible());

        robot.clickOn("Random test digit");
        awaitUntil(() -> trueLabel.isVisible() && guessed());

        assertTrue(trueLabel.getText().matches("true label: [17]"), trueLabel.getText());
    }
}
