package org.mnistrecognition.app.drawing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.Prediction;

/** The drawing pane's view model, without the FX thread: updates run as soon as they are requested. */
class DrawingViewModelTest {
    private final AppState state = new AppState();
    private final DrawingViewModel viewModel = new DrawingViewModel(state, Runnable::run, new Random(42));

    /** Draws a vertical stroke from (x, 60) to (x, 220), moving 4 pixels at a time. */
    private void verticalStroke(double x) {
        viewModel.beginStroke(x, 60, false);
        for (int y = 64; y <= 220; y += 4) {
            viewModel.extendStroke(x, y);
        }
        viewModel.endStroke();
    }

    private double totalInk() {
        InkRaster ink = viewModel.ink();
        double total = 0;
        for (int i = 0; i < ink.width() * ink.height(); i++) {
            total += ink.at(i);
        }
        return total;
    }

    private double[] inkCopy() {
        return copy(viewModel.ink());
    }

    @Test
    void aStrokeProducesInkAndAnInput() {
        long version = viewModel.inkVersionProperty().get();

        verticalStroke(140);

        // a 22-pixel pen over 160 pixels, round ends included: about 22 * 160 + pi * 11^2 pixels of ink
        assertEquals(22 * 160 + Math.PI * 11 * 11, totalInk(), 60);
        assertEquals(DrawingViewModel.INPUTS, viewModel.inputProperty().get().length);
        assertTrue(viewModel.inkVersionProperty().get() > version);
        assertFalse(viewModel.blankProperty().get());
        assertTrue(viewModel.undoableProperty().get());
    }

    @Test
    void inputNowReadsAStrokeThePulseHasNotReadYet() {
        List<Runnable> pulse = new ArrayList<>();
        DrawingViewModel deferred = new DrawingViewModel(state, pulse::add, new Random(1));
        deferred.beginStroke(140, 60, false);
        deferred.extendStroke(140, 200);
        deferred.endStroke();
        assertNull(deferred.inputProperty().get(), "not read before the next pulse");
        double[] now = deferred.inputNow();
        assertEquals(DrawingViewModel.INPUTS, now.length);
        assertSame(now, deferred.inputProperty().get());
        pulse.forEach(Runnable::run);
        assertSame(now, deferred.inputProperty().get(), "the pulse finds nothing new to read");
    }

    @Test
    void undoRemovesTheLastStroke() {
        verticalStroke(100);
        double[] first = inkCopy();
        verticalStroke(180);

        viewModel.undo();

        assertArrayEquals(first, inkCopy(), "the ink of the first stroke alone");
        viewModel.undo();
        assertEquals(0, totalInk());
        assertNull(viewModel.inputProperty().get());
        assertFalse(viewModel.undoableProperty().get());
        assertTrue(viewModel.blankProperty().get());
    }

    @Test
    void clearEmptiesTheCanvasAndUndoBringsTheDrawingBack() {
        state.networkProperty().set(Fixtures.network(1));
        verticalStroke(140);
        double[] drawn = inkCopy();

        viewModel.clear();

        assertEquals(0, totalInk());
        assertNull(viewModel.inputProperty().get());
        assertNull(viewModel.predictionProperty().get());
        assertEquals("–", viewModel.guessTextProperty().get());
        assertTrue(viewModel.blankProperty().get());
        viewModel.undo();
        assertArrayEquals(drawn, inkCopy());
        assertNotNull(viewModel.predictionProperty().get());
    }

    @Test
    void theEraserRemovesInk() {
        verticalStroke(140);

        viewModel.beginStroke(140, 60, true);
        for (int y = 64; y <= 220; y += 4) {
            viewModel.extendStroke(140, y);
        }
        viewModel.endStroke();

        assertEquals(0, totalInk(), 1e-9);
        assertNull(viewModel.inputProperty().get(), "nothing left to read");
    }

    @Test
    void anEmptyDrawingGivesNoPrediction() {
        state.networkProperty().set(Fixtures.network(1));

        assertNull(viewModel.predictionProperty().get());
        assertEquals(-1, viewModel.guessProperty().get());
        assertEquals("draw a digit", viewModel.statusProperty().get());
        for (int d = 0; d < DrawingViewModel.DIGITS; d++) {
            assertEquals(0, viewModel.probabilityProperty(d).get());
        }
    }

    @Test
    void aVerticalStrokeGetsTenProbabilitiesSummingToOne() {
        Network network = Fixtures.network(1);
        state.networkProperty().set(network);

        verticalStroke(140);

        Prediction prediction = viewModel.predictionProperty().get();
        assertNotNull(prediction);
        assertEquals(10, prediction.probabilities().length);
        assertEquals(1, Arrays.stream(prediction.probabilities()).sum(), 1e-9);
        double shown = 0;
        for (int d = 0; d < DrawingViewModel.DIGITS; d++) {
            assertEquals(prediction.probabilities()[d], viewModel.probabilityProperty(d).get());
            shown += viewModel.probabilityProperty(d).get();
        }
        assertEquals(1, shown, 1e-9);
        assertEquals(prediction.digit(), viewModel.guessProperty().get());
        assertEquals(Integer.toString(prediction.digit()), viewModel.guessTextProperty().get());
        assertArrayEquals(network.read(viewModel.inputProperty().get()).probabilities(), prediction.probabilities());
        assertTrue(viewModel.statusProperty().get().endsWith("% sure"), viewModel.statusProperty().get());
    }

    @Test
    void withoutANetworkTheInputIsShownButNotRead() {
        verticalStroke(140);

        assertNotNull(viewModel.inputProperty().get());
        assertNull(viewModel.predictionProperty().get());
        assertEquals("no model: load or train one", viewModel.statusProperty().get());
    }

    @Test
    void aNewNetworkReadsTheSameDrawingAgain() {
        state.networkProperty().set(Fixtures.network(1));
        verticalStroke(140);
        double[] input = viewModel.inputProperty().get();
        Prediction before = viewModel.predictionProperty().get();

        Network next = Fixtures.network(2);
        state.networkProperty().set(next);

        Prediction after = viewModel.predictionProperty().get();
        assertNotEquals(Arrays.toString(before.probabilities()), Arrays.toString(after.probabilities()));
        assertArrayEquals(next.read(input).probabilities(), after.probabilities());
        assertEquals(input, viewModel.inputProperty().get(), "the drawing is not preprocessed again");
    }

    @Test
    void aNetworkWithBrokenOutputsGivesNoGuess() {
        Network network = Fixtures.network(1);
        Arrays.fill(network.layer(1).biases().data, Double.NaN);
        state.networkProperty().set(network);

        verticalStroke(140);

        assertNull(viewModel.predictionProperty().get());
        assertEquals("the network's outputs are not numbers", viewModel.statusProperty().get());
    }

    @Test
    void aNetworkForOtherInputsIsNotRun() {
        state.networkProperty().set(Network.initialise(
                new Architecture(List.of(100, 10), Activation.SIGMOID, Activation.SOFTMAX, true), Initialisation.XAVIER, 1));

        verticalStroke(140);

        assertNull(viewModel.predictionProperty().get());
        assertTrue(viewModel.statusProperty().get().startsWith("the model reads 100 inputs"),
                viewModel.statusProperty().get());
    }

    @Test
    void aRandomTestDigitShowsItsTrueLabelAndIsRead() {
        state.networkProperty().set(Fixtures.network(1));
        assertFalse(viewModel.testDigitsAvailableProperty().get());
        state.dataProperty().set(Fixtures.data());
        assertTrue(viewModel.testDigitsAvailableProperty().get());

        viewModel.randomTestDigit();

        int label = viewModel.trueLabelProperty().get();
        assertTrue(label == 1 || label == 7, "label " + label);
        assertEquals("true label: " + label, viewModel.trueLabelTextProperty().get());
        assertNotNull(viewModel.predictionProperty().get());
        assertTrue(totalInk() > 0);
        assertFalse(viewModel.blankProperty().get());
        DrawingViewModel.Verdict verdict = viewModel.predictionProperty().get().digit() == label
                ? DrawingViewModel.Verdict.RIGHT : DrawingViewModel.Verdict.WRONG;
        assertEquals(verdict, viewModel.verdictProperty().get());
    }

    @Test
    void drawingOverATestDigitKeepsItAndClearRemovesIt() {
        state.dataProperty().set(Fixtures.data());
        viewModel.randomTestDigit();
        int label = viewModel.trueLabelProperty().get();
        double digitInk = totalInk();

        viewModel.beginStroke(30, 30, false);
        viewModel.extendStroke(60, 30);
        viewModel.endStroke();

        assertTrue(totalInk() > digitInk, "the stroke adds to the digit");
        assertEquals("true label: " + label + " (drawn over)", viewModel.trueLabelTextProperty().get());
        viewModel.clear();
        assertEquals(0, totalInk());
        assertEquals(-1, viewModel.trueLabelProperty().get());
        assertEquals("", viewModel.trueLabelTextProperty().get());
        assertEquals(DrawingViewModel.Verdict.NONE, viewModel.verdictProperty().get());
    }

    @Test
    void withoutDataThereIsNoTestDigit() {
        viewModel.randomTestDigit();

        assertEquals(0, totalInk());
        assertEquals(-1, viewModel.trueLabelProperty().get());
        assertFalse(viewModel.undoableProperty().get());
    }

    @Test
    void theSameSeedPicksTheSameTestDigits() {
        state.dataProperty().set(Fixtures.data());
        DrawingViewModel twin = new DrawingViewModel(state, Runnable::run, new Random(42));
        for (int i = 0; i < 5; i++) {
            viewModel.randomTestDigit();
            twin.randomTestDigit();
            assertArrayEquals(inkCopy(), copy(twin.ink()));
        }
    }

    @Test
    void pointerEventsBetweenTwoUpdatesAreReadOnce() {
        List<Runnable> pending = new ArrayList<>();
        DrawingViewModel queued = new DrawingViewModel(state, pending::add, new Random(1));

        queued.beginStroke(140, 60, false);
        for (int y = 64; y <= 220; y += 4) {
            queued.extendStroke(140, y);
        }
        queued.endStroke();
        state.networkProperty().set(Fixtures.network(1));

        assertEquals(1, pending.size(), "one update waits for the next pulse");
        assertNull(queued.inputProperty().get(), "nothing is read before it runs");
        pending.remove(0).run();
        assertNotNull(queued.inputProperty().get());
        assertNotNull(queued.predictionProperty().get());
        queued.extendStroke(150, 230);
        assertEquals(0, pending.size(), "no stroke is open to extend");
    }

    private static double[] copy(InkRaster ink) {
        double[] copy = new double[ink.width() * ink.height()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = ink.at(i);
        }
        return copy;
    }
}
