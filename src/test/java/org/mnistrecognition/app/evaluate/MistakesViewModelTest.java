package org.mnistrecognition.app.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.TestEvaluation;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.training.SyntheticData;

/** The mistakes screen's view model: the wrong guesses of the latest evaluation, by confidence, by digit. */
class MistakesViewModelTest {
    @TempDir
    Path home;

    @Test
    void showsTheMistakesMostConfidentFirstAndOpensThem() {
        AppState state = new AppState(new UserFolders(home.resolve("c"), home.resolve("d")));
        MistakesViewModel mistakes = new MistakesViewModel(state);
        assertEquals(0, mistakes.galleryProperty().get().size());
        new TestEvaluationViewModel(state, Fakes.jobsNow(), Fakes.NOW);
        MnistData data = SyntheticData.create();
        Fakes.act(() -> {
            state.dataProperty().set(data);
            state.modelNameProperty().set("model B");
            state.networkProperty().set(Fakes.network(64, 9));
        });
        TestEvaluation e = state.testEvaluationProperty().get();
        int wrong = e.evaluation().total() - e.evaluation().correct();
        Gallery g = mistakes.galleryProperty().get();
        assertEquals(wrong, g.size());
        for (int k = 0; k < g.size(); k++) {
            assertFalse(e.results().right(g.image(k)));
            if (k > 0) {
                assertTrue(e.results().confidence(g.image(k - 1)) >= e.results().confidence(g.image(k)));
            }
        }
        assertTrue(mistakes.summaryProperty().get().startsWith(wrong + " mistakes of 100 test images by model B"),
                mistakes.summaryProperty().get());

        mistakes.digitProperty().set("3");
        Gallery threes = mistakes.galleryProperty().get();
        assertEquals(e.evaluation().actual(3) - e.evaluation().confusion()[3][3], threes.size());
        for (int k = 0; k < threes.size(); k++) {
            assertEquals(3, threes.label(k));
        }

        Fakes.Board board = new Fakes.Board();
        state.boardProperty().set(board);
        mistakes.digitProperty().set(MistakesViewModel.ALL);
        mistakes.open(0);
        assertEquals(g.label(0), board.label);
        assertEquals(64, board.shown.length);
    }
}
