package org.mnistrecognition.app.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.app.training.FinishedRun;
import org.mnistrecognition.history.CostCurve;
import org.mnistrecognition.history.RunHistory;
import org.mnistrecognition.history.RunRecord;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.Evaluation;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.TrainingConfig;
import org.mnistrecognition.training.TrainingResult;

/** The runs screen's view model: finished runs kept with their models, listed, overlaid, reopened, deleted. */
class RunsViewModelTest {
    @TempDir
    Path dir;

    /** A finished run of a 64-16-10 network started at {@code start}, whose cost falls from {@code first}. */
    static FinishedRun run(String start, double first, long seed) {
        TrainingConfig config = Preset.SEED.config(seed)
                .withArchitecture(new Architecture(List.of(64, 16, 10), Activation.SIGMOID, Activation.SIGMOID, false))
                .withIterations(400);
        Network network = Network.initialise(config.architecture(), config.initialisation(), seed);
        int[][] confusion = new int[10][10];
        confusion[1][1] = 9;
        confusion[1][2] = 1;
        TrainingResult result = new TrainingResult(network, config, 400, TrainingResult.Status.COMPLETED,
                new Evaluation(confusion), null, 0.8, 0.5);
        CostCurve curve = new CostCurve(new long[] {100, 200, 300, 400}, new double[] {first, first / 2, first / 3, first / 4},
                new long[] {200, 400}, new double[] {0.6, 0.8});
        Instant started = Instant.parse(start);
        return new FinishedRun(result, curve, 400, started, started.plusSeconds(2), "synthetic", "", null);
    }

    @Test
    void finishedRunsAreKeptOverlaidReopenedAndDeleted() throws Exception {
        RunsViewModel model = new RunsViewModel(new RunHistory(dir), Fakes.jobsNow());
        Fakes.Messages messages = new Fakes.Messages();
        model.setFeedback(messages);
        Fakes.act(model::refresh);
        assertTrue(model.runs().isEmpty());
        assertTrue(model.summaryProperty().get().startsWith("No runs yet"));

        Fakes.act(() -> model.record(run("2025-05-01T10:00:00Z", 0.9, 1)));
        Fakes.act(() -> model.record(run("2025-05-01T11:00:00Z", 0.6, 2)));
        assertEquals(2, model.runs().size());
        RunRecord newest = model.runs().get(0);
        assertTrue(newest.startedAt().startsWith("2025-05-01T11:00"), newest.startedAt());
        assertEquals(0.9, newest.testAccuracy(), 1e-12);
        assertEquals("completed", newest.status());
        assertEquals("64-16-10", newest.settings().describeLayers());
        assertEquals("custom", newest.settings().preset());
        assertTrue(Files.isRegularFile(dir.resolve(newest.id()).resolve(RunHistory.MODEL)));
        assertTrue(Files.isRegularFile(dir.resolve(newest.id()).resolve(RunHistory.RECORD)));

        model.selected().setAll(model.runs());
        assertEquals(2, model.lines().size(), "two runs chosen, two lines");
        assertArrayEquals(new double[] {0.6, 0.3, 0.2, 0.15}, model.lines().get(0).y(), 1e-12);
        assertArrayEquals(new long[] {100, 200, 300, 400}, model.lines().get(1).x());
        assertFalse(model.canOpenProperty().get(), "one run at a time is opened");
        assertEquals(1, model.yMaxProperty().get(), "0.9 (at 100 samples, not settled) and 0.6 fit under 1");
        model.plotProperty().set(RunsViewModel.Plot.ACCURACY);
        assertArrayEquals(new double[] {0.6, 0.8}, model.lines().get(1).y(), 1e-12);

        List<String> opened = new ArrayList<>();
        model.setModelOpener((file, label) -> opened.add(file + " | " + label));
        model.selected().setAll(model.runs().get(1));
        assertTrue(model.canOpenProperty().get());
        model.modelChangeAllowedProperty().set(false);
        model.openSelected();
        assertTrue(opened.isEmpty(), "not while the model may not change");
        model.modelChangeAllowedProperty().set(true);
        model.openSelected();
        assertEquals(1, opened.size());
        Path file = Path.of(opened.get(0).split(" \\| ")[0]);
        assertEquals(64, ModelFile.load(file).network().inputSize());
        assertTrue(opened.get(0).endsWith(" | run of " + RunsViewModel.started(model.runs().get(1)) + " (custom)"),
                opened.get(0));

        RunsViewModel again = new RunsViewModel(new RunHistory(dir), Fakes.jobsNow());
        Fakes.act(again::refresh);
        assertEquals(List.of(model.runs().get(0).id(), model.runs().get(1).id()),
                again.runs().stream().map(RunRecord::id).toList(), "the history reads back from its folder");

        model.selected().setAll(model.runs().get(1));
        Fakes.act(model::deleteSelected);
        assertEquals(1, model.runs().size());
        assertTrue(model.selected().isEmpty());
        assertTrue(messages.errors.isEmpty(), messages.errors.toString());
    }

    @Test
    void runsTheCommandLineKeptMeanwhileAppearWhenTheRunsComeIntoView() throws Exception {
        RunsViewModel model = new RunsViewModel(new RunHistory(dir), Fakes.jobsNow());
        Fakes.act(model::refresh);
        FinishedRun app = run("2025-05-01T10:00:00Z", 0.9, 1);
        Fakes.act(() -> model.record(app));
        FinishedRun cli = run("2025-05-01T11:00:00Z", 0.6, 2);
        new RunHistory(dir).add(RunRecord.of(cli.result(), cli.curve(), 400, cli.startedAt(), cli.endedAt(), "synthetic",
                RunRecord.COMMAND_LINE), cli.result().network(), cli.result().metadata("synthetic", cli.endedAt()));
        assertEquals(1, model.runs().size(), "not read while out of view");
        Fakes.act(() -> model.shownProperty().set(true));
        assertEquals(2, model.runs().size());
        assertEquals(RunRecord.COMMAND_LINE, model.runs().get(0).ranIn());
        assertEquals(RunRecord.APP, model.runs().get(1).ranIn());
    }

    @Test
    void aResumedRunReplacesItsPartBeforeTheStop() throws Exception {
        RunsViewModel model = new RunsViewModel(new RunHistory(dir), Fakes.jobsNow());
        Path checkpoint = dir.resolve("..").resolve("checkpoints").resolve("custom-1.npz");
        FinishedRun first = run("2025-05-01T10:00:00Z", 0.9, 1);
        // stopped from the command line with its checkpoint kept
        new RunHistory(dir).add(RunRecord.of(first.result(), first.curve(), 400, first.startedAt(), first.endedAt(),
                "synthetic", RunRecord.COMMAND_LINE).withCheckpoint(checkpoint), first.result().network(),
                first.result().metadata("synthetic", first.endedAt()));
        Fakes.act(model::refresh);
        FinishedRun rest = run("2025-05-01T12:00:00Z", 0.5, 1);
        Fakes.act(() -> model.record(new FinishedRun(rest.result(), rest.curve(), 400, rest.startedAt(), rest.endedAt(),
                "synthetic", "", checkpoint)));
        assertEquals(1, model.runs().size(), model.runs().toString());
        assertEquals("2025-05-01T10:00:00Z", model.runs().get(0).startedAt(), "one run, started when its first part did");
        assertEquals(RunRecord.APP, model.runs().get(0).ranIn(), "resumed in the app");
    }

    @Test
    void theCostAxisIgnoresTheFirstSamplesOfAnAverage() {
        RunsViewModel.Line early = new RunsViewModel.Line("a", new long[] {1, 400, 1000, 5000}, new double[] {9, 3, 0.8, 0.3});
        assertEquals(1, RunsViewModel.costCeiling(List.of(early)));
        RunsViewModel.Line high = new RunsViewModel.Line("b", new long[] {1000}, new double[] {2.3});
        assertEquals(5, RunsViewModel.costCeiling(List.of(early, high)));
        RunsViewModel.Line young = new RunsViewModel.Line("c", new long[] {100, 200}, new double[] {0.4, 0.15});
        assertEquals(0.5, RunsViewModel.costCeiling(List.of(young)), 1e-12, "a run too short to settle: all of it");
    }

    @Test
    void aHistoryThatCannotBeWrittenIsReported() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        RunsViewModel model = new RunsViewModel(new RunHistory(file), Fakes.jobsNow());
        Fakes.Messages messages = new Fakes.Messages();
        model.setFeedback(messages);
        Fakes.act(() -> model.record(run("2025-05-01T10:00:00Z", 0.9, 1)));
        assertEquals(1, messages.errors.size());
        assertTrue(messages.errors.get(0).startsWith("Cannot keep the run in the history: cannot create the folder " + file),
                messages.errors.get(0));
        assertTrue(model.runs().isEmpty());
        assertFalse(model.busyProperty().get());
    }
}
