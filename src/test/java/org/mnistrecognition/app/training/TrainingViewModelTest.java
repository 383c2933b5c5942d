package org.mnistrecognition.app.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistrecognition.network.Networks.assertSameWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Feedback;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.report.LogTable;
import org.mnistrecognition.training.SyntheticData;
import org.mnistrecognition.training.TrainingResult;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training view model driving real runs on a small synthetic data set. Its Task needs the FX
 * toolkit running, but no control is involved.
 */
class TrainingViewModelTest {
    private AppState state;
    private TrainingViewModel model;
    private final List<String> messages = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() throws Exception {
        state = new AppState();
        state.dataProperty().set(SyntheticData.create());
        model = new TrainingViewModel(state);
        model.setFeedback(new Feedback() {
            @Override
            public void error(String title, String message) {
                messages.add("error: " + title + ": " + message);
            }

            @Override
            public void info(String title, String message) {
                messages.add("info: " + title + ": " + message);
            }
        });
        model.form().layersProperty().set("64,16,10");
    }

    private static <T> T fx(Callable<T> what) throws Exception {
        return WaitForAsyncUtils.asyncFx(what).get(10, TimeUnit.SECONDS);
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
    }

    @Test
    void aRunFillsTheLogTheCurveAndTheProgress() throws Exception {
        model.form().lengthProperty().set("3000");
        // read on the FX thread at once: a run this short may be over before the next look
        assertTrue(fx(() -> {
            model.start();
            return state.trainingProperty().get();
        }));
        waitUntil(() -> !model.runningProperty().get());
        TrainingResult result = model.resultProperty().get();
        assertNotNull(result);
        assertEquals(TrainingResult.Status.COMPLETED, result.status());
        assertEquals(3000, result.iterations());
        assertEquals(3000, model.rowsProperty().get().size());
        assertEquals(1, model.rowsProperty().get().get(0).iteration());
        assertEquals(3000, model.curve().lastX());
        assertTrue(model.curve().checkpoints() >= 9, "validation accuracy at checkpoints");
        assertEquals(1.0, model.progressProperty().get());
        assertSame(result.network(), state.networkProperty().get());
        assertFalse(state.trainingProperty().get());
        assertTrue(state.modelNameProperty().get().contains("unsaved"));
        assertTrue(messages.get(messages.size() - 1).startsWith("info: Training finished: test accuracy: "), messages.toString());
        FinishedRun finished = model.finishedRunProperty().get();
        assertSame(result, finished.result(), "the run goes to the history with its curve");
        assertEquals(3000, finished.totalIterations());
        assertTrue(finished.curve().size() > 100 && finished.curve().size() <= 500, "points: " + finished.curve().size());
        assertEquals(3000, finished.curve().iterations()[finished.curve().size() - 1]);
        assertEquals(model.curve().checkpoints(), finished.curve().checkpoints().length);
        LogTable log = model.logTable();
        assertEquals(3000, log.size());
        LogRow fifth = model.rowsProperty().get().get(4);
        assertEquals(fifth.actual(), log.actual()[4]);
        assertEquals(fifth.sampleIndex(), log.sample()[4]);
        assertEquals((float) fifth.cost(), log.cost()[4]);

        fx(() -> {
            model.mistakesOnlyProperty().set(true);
            return null;
        });
        assertTrue(model.rowsProperty().get().stream().noneMatch(LogRow::right));
        LogRow row = model.rowsProperty().get().get(0);
        fx(() -> {
            model.selectedRowProperty().set(row);
            return null;
        });
        SamplePicture picture = model.pictureProperty().get();
        assertEquals(8, picture.rows());
        assertEquals(64, picture.pixels().length);
        assertEquals(SyntheticData.create().training().pixel(row.sampleIndex(), 9), picture.pixels()[9] & 0xFF);

        fx(() -> {
            model.start();
            return null;
        });
        assertNotNull(model.previousCurve(), "the last run stays for comparison");
        waitUntil(() -> !model.runningProperty().get());
    }

    /**
     * A batch the run asked for before it ended, taken in after it ended (the feed's timer can post
     * it after the run's end is reported) changes nothing: the run's result stays the model in use,
     * not a snapshot taken during the run.
     */
    @Test
    void aBatchTakenInAfterTheRunEndedLeavesItsResultInUse() throws Exception {
        List<Runnable> held = new CopyOnWriteArrayList<>();
        TrainingViewModel late = new TrainingViewModel(state, held::add);
        late.form().layersProperty().set("64,16,10");
        late.form().lengthProperty().set("3000");
        fx(() -> {
            late.start();
            return null;
        });
        waitUntil(() -> !late.runningProperty().get());
        TrainingResult result = late.resultProperty().get();
        assertSame(result.network(), state.networkProperty().get());
        String name = state.modelNameProperty().get();
        assertEquals(1, held.size(), "the run asked for one batch, held back until now");
        // past the interval between two snapshots of the learning network, so a late batch would take one
        Thread.sleep(200);
        fx(() -> {
            held.forEach(Runnable::run);
            return null;
        });
        assertSame(result.network(), state.networkProperty().get(), "the run's result stays the model in use");
        assertEquals(name, state.modelNameProperty().get());
    }

    @Test
    void aWarmUpLeavesTheModelAloneAndARunStartedDuringItTrainsTheSameWeights() throws Exception {
        model.form().lengthProperty().set("2000");
        Network inUse = Network.initialise(new Architecture(List.of(64, 16, 10), Activation.SIGMOID, Activation.SIGMOID, false),
                Initialisation.ORIGINAL, 7);
        state.networkProperty().set(inUse);
        double[] weightsBefore = inUse.layer(0).weights().data.clone();
        fx(() -> {
            model.warmUp();
            return null;
        });
        WarmUp warmUp = model.warmUpInProgress();
        assertNotNull(warmUp, "a warm-up started");
        assertSame(inUse, state.networkProperty().get());
        assertFalse(model.runningProperty().get(), "a warm-up is no run");
        fx(() -> {
            model.start();
            return null;
        });
        assertTrue(warmUp.awaitEnd(30_000), "starting a run stops the warm-up");
        assertTrue(warmUp.trained() >= 0 && warmUp.trained() <= WarmUp.ITERATIONS);
        waitUntil(() -> !model.runningProperty().get());
        TrainingResult warmed = model.resultProperty().get();
        assertArrayEquals(weightsBefore, inUse.layer(0).weights().data, "the model in use is not trained by the warm-up");

        fx(() -> {
            model.warmUp();
            model.start();
            return null;
        });
        assertSame(warmUp, model.warmUpInProgress(), "one warm-up a session");
        waitUntil(() -> !model.runningProperty().get() && model.resultProperty().get() != warmed);
        TrainingResult cold = model.resultProperty().get();
        assertSameWeights(cold.network(), warmed.network());
    }

    @Test
    void pauseHoldsTheRunAndStopEndsIt() throws Exception {
        model.form().lengthProperty().set("1000000");
        model.speedProperty().set(Speed.PER_SECOND_1000);
        fx(() -> {
            model.start();
            return null;
        });
        waitUntil(() -> model.rowsProperty().get().size() > 20);
        fx(() -> {
            model.togglePause();
            return null;
        });
        assertTrue(model.pausedProperty().get());
        // the trainer reports once more when it notices the pause; after that nothing moves
        waitUntil(() -> Math.round(model.progressProperty().get() * 1_000_000) == model.rowsProperty().get().size());
        int held = fx(() -> model.rowsProperty().get().size());
        Thread.sleep(300);
        assertEquals(held, (int) fx(() -> model.rowsProperty().get().size()));
        fx(() -> {
            model.togglePause();
            return null;
        });
        waitUntil(() -> model.rowsProperty().get().size() > held);
        fx(() -> {
            model.stop();
            return null;
        });
        waitUntil(() -> !model.runningProperty().get());
        TrainingResult result = model.resultProperty().get();
        assertEquals(TrainingResult.Status.CANCELLED, result.status());
        assertTrue(result.iterations() < 1_000_000);
        assertEquals(result.iterations(), model.rowsProperty().get().size());
    }

    @Test
    void aDivergingRunSaysWhatToLower() throws Exception {
        model.form().presetProperty().set(org.mnistrecognition.training.Preset.BEST);
        model.form().layersProperty().set("64,16,10");
        model.form().learningRateProperty().set("1e6");
        model.form().lengthUnitProperty().set(TrainingForm.LengthUnit.ITERATIONS);
        model.form().lengthProperty().set("5000");
        assertNull(model.form().problemProperty().get());
        fx(() -> {
            model.start();
            return null;
        });
        waitUntil(() -> !model.runningProperty().get());
        assertEquals(TrainingResult.Status.DIVERGED, model.resultProperty().get().status());
        String last = messages.get(messages.size() - 1);
        assertTrue(last.startsWith("error: Training diverged"), last);
        assertTrue(last.contains("NaN") && last.contains("learning rate"), last);
    }

    @Test
    void noRunStartsWhileTheModelIsFineTunedOrSomethingLoads() {
        assertTrue(model.canStartProperty().get());
        state.setTuning(true);
        assertFalse(model.canStartProperty().get(), "the tuned copy would replace the run's network");
        state.setTuning(false);
        assertTrue(model.canStartProperty().get());
        state.setLoading(true);
        assertFalse(model.canStartProperty().get(), "a data set or run loading would replace the run's data");
        state.setLoading(false);
        assertTrue(model.canStartProperty().get());
    }

    @Test
    void startNeedsDataAndValidSettings() throws Exception {
        model.form().learningRateProperty().set("-1");
        assertFalse(model.canStartProperty().get());
        model.form().learningRateProperty().set("0.2");
        assertTrue(model.canStartProperty().get());
        state.dataProperty().set(null);
        assertFalse(model.canStartProperty().get());
        Platform.runLater(model::start);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.runningProperty().get());
    }

    @Test
    void aLongRunsLogKeepsItsLastRowsAndSaysSo() throws Exception {
        model.form().lengthProperty().set("130000");
        fx(() -> {
            model.start();
            return null;
        });
        waitUntil(() -> !model.runningProperty().get());
        assertEquals(IterationLog.MAX_ROWS, model.rowsProperty().get().size());
        assertEquals(30_001, model.rowsProperty().get().get(0).iteration());
        assertEquals("Showing the last 100,000 of 130,000 iterations", model.logNoteProperty().get());
        assertTrue(model.logSummaryProperty().get().startsWith("130,000 iterations · "), model.logSummaryProperty().get());
    }
}
