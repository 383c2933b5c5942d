package org.mnistrecognition.app.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.TestEvaluation;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.Evaluation;
import org.mnistrecognition.training.Evaluator;
import org.mnistrecognition.training.ImageResults;
import org.mnistrecognition.training.SyntheticData;

/** The test evaluation screen's view model, driven on the FX thread: evaluations by hand and by themselves, cells. */
class TestEvaluationViewModelTest {
    @TempDir
    Path home;
    private AppState state;
    private TestEvaluationViewModel model;
    private final Fakes.Messages messages = new Fakes.Messages();
    private final MnistData data = SyntheticData.create();

    @BeforeEach
    void setUp() {
        state = new AppState(new UserFolders(home.resolve("config"), home.resolve("data")));
        model = new TestEvaluationViewModel(state, Fakes.jobsNow(), Fakes.NOW);
        model.setFeedback(messages);
    }

    @Test
    void aLoadedModelIsEvaluatedByItself() {
        assertNull(state.testEvaluationProperty().get());
        Network network = Fakes.network(64, 1);
        Fakes.act(() -> {
            state.dataProperty().set(data);
            state.modelNameProperty().set("model A");
            state.networkProperty().set(network);
        });
        TestEvaluation e = state.testEvaluationProperty().get();
        assertNotNull(e, "evaluated once the model was set");
        assertSame(network, e.network());
        Evaluation expected = Evaluator.evaluate(network, data.test());
        assertArrayEquals(expected.confusion()[3], e.evaluation().confusion()[3]);
        assertEquals(100, e.results().size());
        assertEquals(10, model.classRows().size());
        assertEquals(expected.recall(4), model.classRows().get(4).recall());
        assertEquals(expected.actual(4), model.classRows().get(4).images());
        assertTrue(model.summaryProperty().get().startsWith("model A: "), model.summaryProperty().get());
        assertTrue(model.summaryProperty().get().contains("of 100 test images"), model.summaryProperty().get());
        assertFalse(model.runningProperty().get());
        assertSame(e.evaluation(), model.evaluationProperty().get());
    }

    @Test
    void snapshotsDuringARunAreNotEvaluatedButItsEndIs() {
        Fakes.act(() -> {
            state.dataProperty().set(data);
            state.networkProperty().set(Fakes.network(64, 1));
        });
        TestEvaluation before = state.testEvaluationProperty().get();
        assertNotNull(before);
        Fakes.act(() -> {
            state.setTraining(true);
            state.networkProperty().set(Fakes.network(64, 2));
            state.networkProperty().set(Fakes.network(64, 3));
        });
        assertSame(before, state.testEvaluationProperty().get(), "no evaluation of a learning network");
        Network trained = Fakes.network(64, 4);
        Fakes.act(() -> {
            state.networkProperty().set(trained);
            state.setTraining(false);
        });
        assertSame(trained, state.testEvaluationProperty().get().network(), "the run's network is evaluated when it ends");
    }

    @Test
    void aRunsOwnEvaluationIsShownWithoutASecondPass() throws Exception {
        Fakes.act(() -> {
            state.dataProperty().set(data);
            state.networkProperty().set(Fakes.network(64, 1));
        });
        Network trained = Fakes.network(64, 6);
        ImageResults fromTheRun = Evaluator.evaluateImages(trained, data.test(), (done, total) -> { });
        TestEvaluation ofTheRun = new TestEvaluation("trained: best", trained, data.test(), fromTheRun, fromTheRun.evaluation(),
                Double.NaN);
        Fakes.act(() -> {
            state.setTraining(true);
            state.testEvaluationProperty().set(ofTheRun);
            state.networkProperty().set(trained);
            state.setTraining(false);
        });
        assertSame(ofTheRun, state.testEvaluationProperty().get(), "the run's evaluation stays; nothing evaluated it again");
        assertTrue(model.summaryProperty().get().endsWith("evaluated at the end of the run"), model.summaryProperty().get());
        Fakes.act(model::evaluate);
        assertNotSame(ofTheRun, state.testEvaluationProperty().get(), "asked, it evaluates again");
        assertTrue(model.summaryProperty().get().contains("evaluated in "), model.summaryProperty().get());
    }

    @Test
    void aCellShowsItsImagesMostConfidentFirst() {
        Fakes.act(() -> {
            state.dataProperty().set(data);
            state.networkProperty().set(Fakes.network(64, 5));
        });
        TestEvaluation e = state.testEvaluationProperty().get();
        int[][] c = e.evaluation().confusion();
        int actual = -1;
        int guess = -1;
        for (int a = 0; a < 10 && actual < 0; a++) {
            for (int g = 0; g < 10; g++) {
                if (a != g && c[a][g] >= 2) {
                    actual = a;
                    guess = g;
                    break;
                }
            }
        }
        assertTrue(actual >= 0, "an untrained network confuses some digit at least twice");
        model.selectedCellProperty().set(new Cell(actual, guess));
        Gallery g = model.cellGalleryProperty().get();
        assertEquals(c[actual][guess], g.size());
        for (int k = 0; k < g.size(); k++) {
            assertEquals(actual, g.label(k));
            assertEquals(guess, e.results().guess(g.image(k)));
        }
        assertTrue(e.results().confidence(g.image(0)) >= e.results().confidence(g.image(g.size() - 1)));
        assertTrue(model.cellTitleProperty().get().startsWith(actual + " read as " + guess + ": " + c[actual][guess]
                + " images"), model.cellTitleProperty().get());

        Fakes.Board board = new Fakes.Board();
        state.boardProperty().set(board);
        model.open(1);
        assertEquals(actual, board.label);
        assertEquals(8, board.side);
        double[] picture = new double[64];
        data.test().copyImage(g.image(1), picture);
        assertArrayEquals(picture, board.shown);
    }

    @Test
    void aModelThatDoesNotFitTheDataIsReportedNotEvaluated() {
        Fakes.act(() -> {
            state.dataProperty().set(data);
            state.modelNameProperty().set("wide model");
            state.networkProperty().set(Fakes.network(784, 1));
        });
        assertNull(state.testEvaluationProperty().get());
        assertEquals("Cannot evaluate wide model: the network takes 784 inputs but the test images have 64 pixels (8x8)",
                model.summaryProperty().get());
        assertTrue(messages.errors.isEmpty(), "no dialog for an evaluation nobody asked for");
        Fakes.act(model::evaluate);
        assertEquals(1, messages.errors.size(), "a dialog when asked");
        assertTrue(messages.errors.get(0).startsWith("Cannot evaluate the model: the network takes 784 inputs"));
    }

    @Test
    void withoutTestImagesThereIsNothingToEvaluate() {
        Fakes.act(() -> {
            state.dataProperty().set(new MnistData(data.training(), data.validation(),
                    org.mnistrecognition.data.DataSet.empty("test", 8, 8), "no-test"));
            state.networkProperty().set(Fakes.network(64, 1));
        });
        assertEquals("no-test has no test images.", model.summaryProperty().get());
        assertNull(state.testEvaluationProperty().get());
    }

    @Test
    void describesACellInWords() {
        Evaluation e = new Evaluation(new int[][] {{90, 10}, {1, 99}});
        assertEquals("0 read as 1: 10 images (10.0% of the 0s)", TestEvaluationViewModel.describe(e, new Cell(0, 1)));
        assertEquals("1 read right: 99 images (99.0% of the 1s)", TestEvaluationViewModel.describe(e, new Cell(1, 1)));
        assertEquals("1 read as 0: 1 image (1.0% of the 1s)", TestEvaluationViewModel.describe(e, new Cell(1, 0)));
    }
}
