package org.mnistrecognition.app.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.training.FinishedRun;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.data.PersonalSet;
import org.mnistrecognition.history.CostCurve;
import org.mnistrecognition.history.RunHistory;
import org.mnistrecognition.history.RunRecord;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.FineTuning;

/** The handwriting screen's view model: saving drawings with their label, reading them, fine-tuning on them. */
class HandwritingViewModelTest {
    @TempDir
    Path home;
    private AppState state;
    private Fakes.Board board;
    private HandwritingViewModel model;
    private final Fakes.Messages messages = new Fakes.Messages();

    @BeforeEach
    void setUp() {
        state = new AppState(new UserFolders(home.resolve("config"), home.resolve("data")));
        board = new Fakes.Board();
        state.boardProperty().set(board);
        model = new HandwritingViewModel(state, new PersonalSet(state.folders().handwriting()), Fakes.jobsNow());
        model.setFeedback(messages);
    }

    /** A 28x28 drawing: a vertical bar at column {@code x}. */
    private static double[] bar(int x) {
        double[] in = new double[784];
        for (int r = 4; r < 24; r++) {
            in[r * 28 + x] = 1;
            in[r * 28 + x + 1] = 0.5;
        }
        return in;
    }

    @Test
    void aSavedDrawingGoesToTheIdxFilesWithItsLabel() throws Exception {
        assertFalse(model.canSaveProperty().get(), "not before the set is read");
        Fakes.act(model::load);
        assertFalse(model.canSaveProperty().get(), "not without a drawing");
        board.input.set(bar(13));
        assertTrue(model.canSaveProperty().get());
        Fakes.act(() -> model.save(1));
        Path folder = home.resolve("data").resolve("handwriting");
        assertTrue(Files.isRegularFile(folder.resolve(PersonalSet.IMAGES)));
        assertEquals(1, board.clears, "the canvas is cleared for the next digit");
        assertTrue(model.countsProperty().get().startsWith("1 digit saved (0: 0 · 1: 1 ·"), model.countsProperty().get());

        model.clearAfterSavingProperty().set(false);
        board.input.set(bar(16));
        Fakes.act(() -> model.save(7));
        assertEquals(1, board.clears);
        DataSet read = new PersonalSet(folder).load();
        assertEquals(2, read.size());
        assertEquals(7, read.label(1));
        assertEquals(255, read.pixel(1, 10 * 28 + 16));
        assertEquals(128, read.pixel(1, 10 * 28 + 17), "ink 0.5 is byte 128");
        assertEquals(0, read.pixel(1, 0));
        assertTrue(messages.errors.isEmpty(), messages.errors.toString());
    }

    @Test
    void theModelInUseReadsTheSetAndTheGalleryShowsTheNewestFirst() {
        Fakes.act(model::load);
        board.input.set(bar(10));
        Fakes.act(() -> model.save(1));
        board.input.set(bar(14));
        Fakes.act(() -> model.save(4));
        assertTrue(model.readingProperty().get().isEmpty(), "no model yet");
        Fakes.act(() -> state.networkProperty().set(Fakes.network(784, 2)));
        Gallery g = model.galleryProperty().get();
        assertEquals(2, g.size());
        assertEquals(4, g.label(0), "the newest first");
        assertTrue(model.readingProperty().get().matches("The model in use reads [0-2] of your 2 digits right \\(.*\\)\\."),
                model.readingProperty().get());
        model.open(1);
        assertEquals(1, board.label);
        Fakes.act(() -> model.remove(0));
        assertEquals(1, model.setProperty().get().size());
        assertEquals(1, model.setProperty().get().label(0));
    }

    @Test
    void fineTuningMakesATunedModelTheAppsModel() {
        DataSet train = new DataSet("training", 28, 28, pixels(bar(12), bar(15)), new byte[] {1, 7});
        Network original = Fakes.network(784, 5);
        Fakes.act(() -> {
            state.dataProperty().set(new MnistData(train, DataSet.empty("validation", 28, 28), train, "tiny"));
            state.networkProperty().set(original);
            state.modelNameProperty().set("bundled model (best, 99.0%)");
        });
        Fakes.act(model::load);
        assertFalse(model.canTuneProperty().get(), "nothing to tune on yet");
        board.input.set(bar(12));
        Fakes.act(() -> model.save(1));
        board.input.set(bar(15));
        Fakes.act(() -> model.save(7));
        assertTrue(model.canTuneProperty().get());
        List<String> taken = new ArrayList<>();
        model.setModelTaker((network, metadata, label) -> {
            taken.add(label + " | " + metadata.preset());
            state.networkProperty().set(network);
        });
        model.epochsProperty().set(2);
        Fakes.act(model::fineTune);
        assertEquals(List.of("fine-tuned bundled model | fine-tune"), taken);
        assertTrue(state.networkProperty().get() != original, "the tuned network is a new one");
        String text = model.tuneTextProperty().get();
        assertTrue(text.startsWith("Your digits: ") && text.contains(" right → 2/2 (100.0%), sure of the right digit ")
                && text.contains("MNIST test set:"), text);
        assertFalse(model.tuningProperty().get());
        assertFalse(state.tuningProperty().get(), "the model is free again");
        assertSame(state.networkProperty().get(), state.testEvaluationProperty().get().network(),
                "the tuning run's own test evaluation is shown, not made again");
        assertTrue(Double.isNaN(state.testEvaluationProperty().get().seconds()));
        state.setTraining(true);
        assertFalse(model.canTuneProperty().get(), "not during a run");
    }

    @Test
    void aFinishedFineTuningIsKeptInTheRunHistoryAsAFineTune() throws Exception {
        DataSet train = new DataSet("training", 28, 28, pixels(bar(12), bar(15)), new byte[] {1, 7});
        state.dataProperty().set(new MnistData(train, DataSet.empty("validation", 28, 28), train, "tiny"));
        state.networkProperty().set(Fakes.network(784, 5));
        state.modelNameProperty().set("bundled model (best, 99.0%)");
        RunsViewModel runs = new RunsViewModel(new RunHistory(state.folders().runs()), Fakes.jobsNow());
        runs.setFeedback(messages);
        runs.watch(model.finishedRunProperty());
        model.setModelTaker((network, metadata, label) -> state.networkProperty().set(network));
        Fakes.act(model::load);
        board.input.set(bar(12));
        Fakes.act(() -> model.save(1));
        board.input.set(bar(15));
        Fakes.act(() -> model.save(7));
        model.epochsProperty().set(2);
        assertNull(model.finishedRunProperty().get());

        Fakes.act(model::fineTune);

        FinishedRun tuned = model.finishedRunProperty().get();
        assertNotNull(tuned, "a finished fine-tuning is reported as a finished run");
        assertEquals("bundled model", tuned.tunedFrom());
        assertEquals(1, runs.runs().size(), "and kept in the history at once: " + messages.errors);
        RunRecord run = runs.runs().get(0);
        assertTrue(run.isFineTune());
        assertEquals("fine-tune of bundled model", run.what());
        assertEquals(RunRecord.APP, run.ranIn());
        assertEquals("completed", run.status());
        assertEquals("fine-tune", run.settings().preset());
        assertEquals(2, run.settings().epochs(), "the plan's passes");
        assertEquals(16, run.settings().batchSize());
        // two digits, each repeated to make up about 1,000, three MNIST images for each: two passes
        long total = 2L * 4 * 2 * FineTuning.repeats(2);
        assertEquals(total, run.totalIterations());
        assertEquals(total, run.iterations());
        assertEquals(total, run.curve().iterations()[run.curve().size() - 1], "the tuning's cost curve");
        assertTrue(run.curve().size() <= CostCurve.MAX_POINTS);
        assertEquals(state.testEvaluationProperty().get().evaluation().accuracy(), run.testAccuracy(),
                "the accuracy on the MNIST test set after");
        assertTrue(run.seconds() > 0);
        assertTrue(run.dataSource().startsWith("tiny + "), run.dataSource());
        Network kept = ModelFile.load(new RunHistory(state.folders().runs()).modelFile(run)).network();
        assertArrayEquals(state.networkProperty().get().layer(0).weights().data, kept.layer(0).weights().data,
                "the tuned model");
        assertTrue(messages.errors.isEmpty(), messages.errors.toString());
    }

    private static byte[] pixels(double[]... images) {
        byte[] b = new byte[images.length * 784];
        for (int k = 0; k < images.length; k++) {
            for (int i = 0; i < 784; i++) {
                b[k * 784 + i] = (byte) Math.round(255 * images[k][i]);
            }
        }
        return b;
    }

    @Test
    void aDamagedSetIsReportedNamingItsFile() throws Exception {
        Path folder = home.resolve("data").resolve("handwriting");
        Files.createDirectories(folder);
        Files.write(folder.resolve(PersonalSet.IMAGES), new byte[] {0, 0, 8, 3, 0, 0, 0, 1});
        Files.write(folder.resolve(PersonalSet.LABELS), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 5});
        Fakes.act(model::load);
        assertEquals(1, messages.errors.size());
        assertTrue(messages.errors.get(0).startsWith("Cannot read your handwriting set: " + folder.resolve(PersonalSet.IMAGES)),
                messages.errors.get(0));
        assertFalse(model.canSaveProperty().get(), "a set that cannot be read is not written over");
        assertNotNull(model.countsProperty().get());
    }
}
