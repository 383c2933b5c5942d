package org.mnistrecognition.app.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.PictureExport;
import org.mnistrecognition.app.TestEvaluation;
import org.mnistrecognition.app.Views;
import org.mnistrecognition.app.drawing.DrawingView;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.IdxReader;
import org.mnistrecognition.data.PersonalSet;
import org.mnistrecognition.history.RunHistory;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.Evaluator;
import org.mnistrecognition.training.ImageResults;
import org.mnistrecognition.training.SyntheticData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Evaluate screens in a window (headless), driven by the robot: a click on a confusion cell,
 * the mistakes gallery into the drawing canvas, a drawing saved to the personal set, two runs
 * overlaid.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluateViewsTest {
    @TempDir
    Path home;
    private Stage stage;
    private AppState state;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new HBox(), 1300, 760));
        stage.show();
    }

    private AppState state() {
        return new AppState(new UserFolders(home.resolve("config"), home.resolve("data")));
    }

    private void show(FxRobot robot, Parent root) {
        robot.interact(() -> {
            stage.setScene(new Scene(root, 1300, 760));
            stage.sizeToScene();
        });
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D onScreen(Node node, Point2D local) {
        return node.localToScreen(local);
    }

    @Test
    void aClickOnAConfusionCellShowsItsImages(FxRobot robot) throws Exception {
        state = state();
        AtomicReference<Views.Loaded<TestEvaluationView>> view = new AtomicReference<>();
        robot.interact(() -> {
            view.set(Views.load(TestEvaluationView.class, state));
            state.dataProperty().set(SyntheticData.create());
            state.networkProperty().set(Fakes.network(64, 5));
        });
        show(robot, view.get().root());
        waitUntil(() -> state.testEvaluationProperty().get() != null);
        TestEvaluation e = state.testEvaluationProperty().get();
        int[][] c = e.evaluation().confusion();
        Cell cell = null;
        for (int a = 0; a < 10 && cell == null; a++) {
            for (int g = 0; g < 10; g++) {
                if (a != g && c[a][g] >= 2) {
                    cell = new Cell(a, g);
                    break;
                }
            }
        }
        ConfusionHeatMap heatMap = view.get().controller().heatMap();
        robot.clickOn(onScreen(heatMap, heatMap.cellCentre(cell.actual(), cell.guess())));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(cell, view.get().controller().viewModel().selectedCellProperty().get());
        ImageGallery gallery = view.get().controller().cellGallery();
        Gallery shown = gallery.galleryProperty().get();
        assertEquals(c[cell.actual()][cell.guess()], shown.size(), "the cell's images, all of them");
        for (int k = 0; k < shown.size(); k++) {
            assertEquals(cell.actual(), shown.label(k));
            assertEquals(cell.guess(), e.results().guess(shown.image(k)));
        }
        Label title = robot.lookup(".section-bar .section-title").queryAs(Label.class);
        assertTrue(title.getText().startsWith(cell.actual() + " read as " + cell.guess() + ": "), title.getText());
    }

    @Test
    void theMistakesGalleryFillsAndAClickPutsTheImageOnTheCanvas(FxRobot robot) throws Exception {
        state = state();
        AtomicReference<Views.Loaded<MistakesView>> mistakes = new AtomicReference<>();
        AtomicReference<Views.Loaded<DrawingView>> drawing = new AtomicReference<>();
        robot.interact(() -> {
            new TestEvaluationViewModel(state);
            mistakes.set(Views.load(MistakesView.class, state));
            drawing.set(Views.load(DrawingView.class, state));
            state.dataProperty().set(SyntheticData.create());
            state.networkProperty().set(Fakes.network(64, 7));
        });
        show(robot, new HBox(mistakes.get().root(), drawing.get().root()));
        ImageGallery gallery = robot.lookup(".image-gallery").queryAs(ImageGallery.class);
        waitUntil(() -> gallery.galleryProperty().get().size() > 0);
        Gallery g = gallery.galleryProperty().get();
        TestEvaluation e = state.testEvaluationProperty().get();
        assertEquals(e.evaluation().total() - e.evaluation().correct(), g.size(), "every mistake");
        assertTrue(drawing.get().controller().viewModel().blankProperty().get());

        robot.clickOn(onScreen(gallery, gallery.tileCentre(2)));
        waitUntil(() -> !drawing.get().controller().viewModel().blankProperty().get());

        assertEquals(g.label(2), drawing.get().controller().viewModel().trueLabelProperty().get(),
                "the canvas shows the mistake with its true label");
        assertEquals(2, gallery.selectedProperty().get());
        assertTrue(robot.lookup(".true-label").queryAs(Label.class).getText().startsWith("true label: " + g.label(2)));
    }

    @Test
    void aDrawingSavedWithItsLabelGoesToThePersonalSet(FxRobot robot) throws Exception {
        state = state();
        AtomicReference<Views.Loaded<HandwritingView>> handwriting = new AtomicReference<>();
        AtomicReference<Views.Loaded<DrawingView>> drawing = new AtomicReference<>();
        robot.interact(() -> {
            drawing.set(Views.load(DrawingView.class, state));
            handwriting.set(Views.load(HandwritingView.class, state));
            state.networkProperty().set(Fakes.network(784, 3));
        });
        show(robot, new HBox(handwriting.get().root(), drawing.get().root()));
        Label counts = robot.lookup(".handwriting-top > Label").nth(1).queryAs(Label.class);
        waitUntil(() -> counts.getText().startsWith("No digits saved yet"));
        Button three = robot.lookup(".digit-button").nth(3).queryButton();
        assertEquals("3", three.getText());
        assertTrue(three.isDisabled(), "nothing drawn yet");

        Node canvas = robot.lookup("#canvas").query();
        robot.drag(canvas, MouseButton.PRIMARY).moveBy(0, -80).moveBy(5, 80).moveBy(5, 80).drop();
        waitUntil(() -> !three.isDisabled());
        robot.clickOn(three);
        Path labels = home.resolve("data").resolve("handwriting").resolve(PersonalSet.LABELS);
        waitUntil(() -> Files.exists(labels) && counts.getText().startsWith("1 digit saved"));

        assertArrayEquals(new byte[] {3}, IdxReader.readLabels(labels));
        assertEquals(1, IdxReader.readImages(labels.resolveSibling(PersonalSet.IMAGES)).count());
        assertTrue(drawing.get().controller().viewModel().blankProperty().get(), "the canvas is cleared for the next");
        waitUntil(() -> handwriting.get().controller().viewModel().galleryProperty().get().size() == 1);

        robot.drag(canvas, MouseButton.PRIMARY).moveBy(0, -80).moveBy(40, 0).moveBy(-30, 80).drop();
        waitUntil(() -> !three.isDisabled());
        robot.clickOn(robot.lookup(".digit-button").nth(7).queryButton());
        waitUntil(() -> counts.getText().startsWith("2 digits saved"));
        assertArrayEquals(new byte[] {3, 7}, IdxReader.readLabels(labels));
    }

    @Test
    void tenThousandImagesCostOnlyTheTilesInView(FxRobot robot) throws Exception {
        DataSet base = SyntheticData.create().training();
        int n = 10_000;
        byte[] pixels = new byte[n * 64];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(base.pixels(), (i % base.size()) * 64, pixels, i * 64, 64);
            labels[i] = (byte) base.label(i % base.size());
        }
        DataSet images = new DataSet("many", 8, 8, pixels, labels);
        ImageResults results = Evaluator.evaluateImages(Fakes.network(64, 1), images, (done, total) -> { });
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        ImageGallery gallery = new ImageGallery();
        robot.interact(() -> gallery.galleryProperty().set(new Gallery(images, results, order, "")));
        show(robot, new StackPane(gallery));
        WaitForAsyncUtils.waitForFxEvents();
        int inView = ((int) gallery.getHeight() / 70 + 2) * ((int) gallery.getWidth() / 130 + 1);
        assertTrue(inView < 400, "a window shows a few hundred tiles at most: " + inView);
        assertTrue(gallery.painted() > 0 && gallery.painted() <= inView, "painted " + gallery.painted());
        robot.interact(() -> gallery.reveal(n - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(gallery.painted() > 0 && gallery.painted() <= inView, "painted " + gallery.painted());
        Point2D last = gallery.tileCentre(n - 1);
        assertEquals(n - 1, gallery.indexAt(last.getX(), last.getY()), "the last tile is in view");
    }

    @Test
    void theWeightGridFitsEveryUnitInView(FxRobot robot) throws Exception {
        Network network = Network.initialise(new Architecture(List.of(784, 400, 10), Activation.RELU, Activation.SOFTMAX, true),
                Initialisation.HE, 1);
        WeightGrid grid = new WeightGrid();
        robot.interact(() -> grid.weightsProperty().set(WeightImages.of(network, 28, 28, WeightImages.Scale.UNIT)));
        show(robot, new StackPane(grid));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(400, grid.painted(), "every unit in view");
        assertTrue(grid.tileWidth() > 28, "scaled up to use the room: " + grid.tileWidth());
        robot.interact(() -> grid.zoomProperty().set(4));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(112, grid.tileWidth());
        assertTrue(grid.painted() < 400, "at 4x only some are in view: " + grid.painted());
    }

    @Test
    void aViewIsSavedAsAPngOfItsSize(FxRobot robot) throws Exception {
        state = state();
        AtomicReference<Views.Loaded<TestEvaluationView>> view = new AtomicReference<>();
        robot.interact(() -> {
            view.set(Views.load(TestEvaluationView.class, state));
            state.dataProperty().set(SyntheticData.create());
            state.networkProperty().set(Fakes.network(64, 5));
        });
        show(robot, view.get().root());
        waitUntil(() -> state.testEvaluationProperty().get() != null);
        Path file = home.resolve("matrix.png");
        Fakes.Messages messages = new Fakes.Messages();
        ConfusionHeatMap heatMap = view.get().controller().heatMap();
        robot.interact(() -> PictureExport.save(heatMap, file, messages));
        waitUntil(() -> !messages.news.isEmpty() || !messages.errors.isEmpty());
        assertEquals(List.of("Picture saved: " + file), messages.news);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals((int) Math.ceil(heatMap.getWidth()), png.getWidth());
        assertEquals((int) Math.ceil(heatMap.getHeight()), png.getHeight());
    }

    @Test
    void twoChosenRunsAreOverlaidInTheChart(FxRobot robot) throws Exception {
        state = state();
        RunsViewModel writer = new RunsViewModel(new RunHistory(state.folders().runs()), Fakes.jobsNow());
        Fakes.act(() -> {
            writer.record(RunsViewModelTest.run("2025-05-01T10:00:00Z", 0.9, 1));
            writer.record(RunsViewModelTest.run("2025-05-01T11:00:00Z", 0.6, 2));
            writer.record(RunsViewModelTest.run("2025-05-01T12:00:00Z", 0.5, 3));
        });
        AtomicReference<Views.Loaded<RunsView>> runs = new AtomicReference<>();
        robot.interact(() -> runs.set(Views.load(RunsView.class, state)));
        show(robot, runs.get().root());
        TableView<?> table = robot.lookup(".runs-table").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        assertEquals(0, runs.get().controller().chart().getData().size());

        Node first = robot.lookup(".runs-table .table-row-cell").nth(0).query();
        Node third = robot.lookup(".runs-table .table-row-cell").nth(2).query();
        robot.clickOn(first);
        robot.press(KeyCode.CONTROL).clickOn(third).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        List<XYChart.Series<Number, Number>> series = runs.get().controller().chart().getData();
        assertEquals(2, series.size(), "two runs chosen, two curves");
        assertTrue(series.get(0).getName().startsWith(RunsViewModel.started(runs.get().controller().viewModel().runs().get(0))),
                series.get(0).getName());
        assertEquals(4, series.get(1).getData().size());
        assertEquals(0.9, series.get(1).getData().get(0).getYValue().doubleValue(), 1e-12, "the oldest run's first cost");
        assertTrue(robot.lookup("#open").queryButton().isDisabled(), "two runs: which to open?");
    }
}
