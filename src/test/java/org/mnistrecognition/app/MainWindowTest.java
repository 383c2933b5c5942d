package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.app.training.Speed;
import org.mnistrecognition.app.training.TrainingViewModel;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.SyntheticData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window: starting with the bundled files, a bad model file, closing during a run. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    Path dir;
    private AppState state;
    private MainWindow window;
    private Stage stage;
    private final CountDownLatch exited = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        state = new AppState(new UserFolders(dir.resolve("config"), dir.resolve("data")));
        Views.Loaded<MainWindow> loaded = Views.load(MainWindow.class, state);
        window = loaded.controller();
        window.setCloseHandlers((owner, message) -> Optional.of(Dialogs.DISCARD), exited::countDown);
        window.viewModel().setCheckpointFolder(dir.resolve("checkpoints"));
        window.show(stage, new SettingsFile(dir.resolve("settings.json")));
    }

    private void startedUp() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> state.networkProperty().get() != null && !window.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void startsWithTheBundledDataAndModel() throws Exception {
        startedUp();
        assertEquals(50_000, state.dataProperty().get().training().size());
        assertTrue(state.modelNameProperty().get().startsWith("bundled model (best, "), state.modelNameProperty().get());
        assertFalse(window.viewModel().hasUnsavedWork());
    }

    @Test
    void theWindowHasTheIconInEverySize() {
        int[] sizes = stage.getIcons().stream().mapToInt(i -> (int) i.getWidth()).toArray();
        assertArrayEquals(new int[] {16, 24, 32, 48, 64, 128, 256, 512}, sizes);
        stage.getIcons().forEach(i -> {
            assertFalse(i.isError(), "the icon loads");
            assertEquals(i.getWidth(), i.getHeight(), "the icon is square");
        });
    }

    @Test
    void menuItemsHaveShortcutsAndTooltips(FxRobot robot) throws Exception {
        startedUp();
        robot.clickOn("File");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        for (javafx.scene.control.MenuItem item : bar.getMenus().get(0).getItems()) {
            if (item instanceof javafx.scene.control.SeparatorMenuItem) {
                continue;
            }
            assertNotNull(item.getAccelerator(), item.getText() + " has a shortcut");
            javafx.scene.Node node = item.getStyleableNode();
            assertNotNull(node, item.getText() + " is shown");
            Object tip = node.getProperties().get("javafx.scene.control.Tooltip");
            assertTrue(tip instanceof javafx.scene.control.Tooltip t && !t.getText().isBlank(), item.getText() + " has a tooltip");
        }
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void aCorruptModelGetsADialogNamingTheFile(FxRobot robot) throws Exception {
        startedUp();
        Network before = state.networkProperty().get();
        Path corrupt = dir.resolve("corrupt.npz");
        Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7});
        robot.interact(() -> window.viewModel().openModel(corrupt));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> errorDialog(robot).isPresent());
        DialogPane dialog = errorDialog(robot).orElseThrow();
        String text = ((Label) dialog.getContent()).getText();
        assertTrue(text.contains("corrupt.npz"), text);
        assertEquals("Cannot open the model", dialog.getHeaderText());
        assertSame(before, state.networkProperty().get(), "the model in use stays");
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    private static Optional<DialogPane> errorDialog(FxRobot robot) {
        return robot.listWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane d && d.getStyleClass().contains("error-dialog"))
                .map(DialogPane.class::cast).findFirst();
    }

    @Test
    void aFinishedRunIsEvaluatedAndKeptInTheHistory(FxRobot robot) throws Exception {
        startedUp();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state.testEvaluationProperty().get() != null);
        assertEquals(10_000, state.testEvaluationProperty().get().results().size(), "the bundled model is evaluated at start");
        Path csv = dir.resolve("evaluation.csv");
        robot.interact(() -> window.viewModel().exportEvaluation(csv));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(csv) && !window.viewModel().busyProperty().get());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("evaluation,\"bundled model (best, ") && lines.get(1).startsWith("accuracy,0.98"),
                lines.get(0) + " / " + lines.get(1));
        assertEquals("actual \\ guess,0,1,2,3,4,5,6,7,8,9", lines.get(15));
        TrainingViewModel training = window.training();
        robot.interact(() -> {
            state.dataProperty().set(SyntheticData.create());
            training.form().layersProperty().set("64,16,10");
            training.form().lengthProperty().set("2000");
            training.start();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !training.runningProperty().get()
                && window.runs().viewModel().runs().size() == 1);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> state.testEvaluationProperty().get().network() == training.resultProperty().get().network());
        assertEquals(100, state.testEvaluationProperty().get().results().size(), "the run's network on the synthetic test set");
        assertTrue(state.testEvaluationProperty().get().modelName().matches(".* run \\(test .*, unsaved\\)"),
                state.testEvaluationProperty().get().modelName());
        assertEquals(2000, window.runs().viewModel().runs().get(0).iterations());
        assertTrue(Files.isDirectory(dir.resolve("data").resolve("runs")), "kept in the user's data folder");
    }

    @Test
    void closingDuringARunStopsItAndExits(FxRobot robot) throws Exception {
        startedUp();
        TrainingViewModel training = window.training();
        robot.interact(() -> {
            state.dataProperty().set(SyntheticData.create());
            training.form().layersProperty().set("64,16,10");
            training.form().lengthProperty().set("1000000");
            training.speedProperty().set(Speed.PER_SECOND_1000);
            training.start();
        });
        assertTrue(training.runningProperty().get());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> training.rowsProperty().get().size() > 10);
        assertTrue(window.viewModel().hasUnsavedWork());
        robot.interact(window::quit);
        assertTrue(exited.await(30, TimeUnit.SECONDS), "the app exits");
        assertFalse(training.runningProperty().get());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("training")) {
                t.join(10_000);
                assertFalse(t.isAlive(), "the training thread has ended");
            }
        }
        AppSettings saved = new SettingsFile(dir.resolve("settings.json")).load();
        assertNotNull(saved.window());
        assertEquals("64,16,10", saved.training().layers());
        assertEquals("PER_SECOND_1000", saved.speed());
    }
}
