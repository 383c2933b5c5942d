package org.mnistrecognition.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Views;
import org.mnistrecognition.training.SyntheticData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The training pane in a window: typing, starting, watching, pausing, stopping. */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    private TrainingView view;

    @Start
    void start(Stage stage) {
        AppState state = new AppState();
        state.dataProperty().set(SyntheticData.create());
        Views.Loaded<TrainingView> loaded = Views.load(TrainingView.class, state);
        view = loaded.controller();
        stage.setScene(new Scene(loaded.root(), 1000, 700));
        stage.show();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    @Test
    void aShortRunFillsTheChartTheTableAndTheProgress(FxRobot robot) throws Exception {
        Button start = robot.lookup("#start").queryButton();
        robot.clickOn("#layers").push(KeyCode.SHORTCUT, KeyCode.A).write("64,16,10");
        assertFalse(start.isDisabled());
        TextField length = robot.lookup("#length").queryAs(TextField.class);
        robot.interact(() -> length.setText("2000"));
        robot.clickOn(start);
        waitUntil(() -> !view.viewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#log").queryTableView();
        assertEquals(2000, table.getItems().size());
        assertEquals(1.0, robot.lookup("#progress").queryAs(ProgressBar.class).getProgress());
        LearningCurveChart chart = robot.lookup("#chart").queryAs(LearningCurveChart.class);
        assertTrue(chart.plottedPoints() > 100, "the chart has the cost curve");
        robot.interact(() -> table.getSelectionModel().select(3));
        assertNotNull(robot.lookup("#picture").queryAs(ImageView.class).getImage());
        assertTrue(robot.lookup("#settings").query().isDisabled() == false);
    }

    @Test
    void pauseAndStopWork(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.viewModel().form().layersProperty().set("64,16,10");
            view.viewModel().form().lengthProperty().set("1000000");
            view.viewModel().speedProperty().set(Speed.PER_SECOND_1000);
        });
        robot.clickOn("#start");
        assertTrue(robot.lookup("#settings").query().isDisabled(), "settings are locked during a run");
        waitUntil(() -> view.viewModel().rowsProperty().get().size() > 10);
        Button pause = robot.lookup("#pause").queryButton();
        robot.clickOn(pause);
        assertEquals("Resume", pause.getText());
        assertTrue(view.viewModel().pausedProperty().get());
        robot.clickOn(pause);
        assertEquals("Pause", pause.getText());
        robot.clickOn("#stop");
        waitUntil(() -> !view.viewModel().runningProperty().get());
        assertEquals("CANCELLED", view.viewModel().resultProperty().get().status().name());
        assertFalse(robot.lookup("#start").queryButton().isDisabled());
    }

    @Test
    void badSettingsAreMarkedAndBlockStart(FxRobot robot) {
        robot.interact(() -> view.viewModel().form().layersProperty().set("64,16,10"));
        assertFalse(robot.lookup("#start").queryButton().isDisabled());
        robot.clickOn("#learningRate").push(KeyCode.SHORTCUT, KeyCode.A).write("abc");
        assertEquals("abc", robot.lookup("#learningRate").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#start").queryButton().isDisabled());
        assertTrue(robot.lookup("#problem").queryLabeled().getText().contains("learning rate"));
    }

    /** Each impossible setting the issue lists: refused with the core's message on its field, Start disabled. */
    @Test
    void impossibleSettingsAreRefusedBeforeARun(FxRobot robot) {
        String[][] cases = {
            {"#layers", "64,0,10", "layer sizes must be positive, got [64, 0, 10]"},
            {"#layers", "64,-16,10", "layer sizes must be positive, got [64, -16, 10]"},
            {"#layers", "784,16,10", "the first layer must have 64 units, one per image pixel, got 784"},
            {"#batchSize", "401", "the batch size 401 is larger than the training set (400 images)"},
            {"#learningRate", "0", "the learning rate must be a positive number, got 0.0"},
        };
        for (String[] c : cases) {
            robot.interact(() -> {
                view.viewModel().form().layersProperty().set("64,16,10");
                view.viewModel().form().batchSizeProperty().set("1");
                view.viewModel().form().learningRateProperty().set("0.2");
            });
            assertFalse(robot.lookup("#start").queryButton().isDisabled());
            TextField field = robot.lookup(c[0]).queryAs(TextField.class);
            assertTrue(Decorator.getDecorations(field) == null || Decorator.getDecorations(field).isEmpty(), c[0]);
            robot.interact(() -> field.setText(c[1]));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#start").queryButton().isDisabled(), c[1]);
            assertEquals(c[2], robot.lookup("#problem").queryLabeled().getText());
            assertFalse(Decorator.getDecorations(field).isEmpty(), "the field " + c[0] + " is marked for " + c[1]);
        }
    }
}
