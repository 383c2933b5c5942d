package org.mnistrecognition.app.training;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Feedback;
import org.mnistrecognition.app.TestEvaluation;
import org.mnistrecognition.app.Jobs;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.history.LearningCurve;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.report.LogTable;
import org.mnistrecognition.training.Autosave;
import org.mnistrecognition.training.Checkpoint;
import org.mnistrecognition.training.Progress;
import org.mnistrecognition.training.RunControl;
import org.mnistrecognition.training.RunState;
import org.mnistrecognition.training.Trainer;
import org.mnistrecognition.training.TrainingConfig;
import org.mnistrecognition.training.TrainingResult;

/**
 * The training pane's state and commands: the settings form, starting, pausing and stopping a
 * run, its progress, the learning curve and the log. A run is a {@link Task} on a daemon thread at
 * full speed; what it reports comes to the FX thread in batches through a {@link TrainingFeed}.
 * Touches no control.
 */
public final class TrainingViewModel {
    /** How often at most the drawing pane gets a fresh copy of the learning network. */
    private static final long SNAPSHOT_NANOS = 150_000_000L;
    /**
     * The threads a run trains on: one fewer than the cores, since the window's own drawing needs
     * one (on two cores, a training thread that shares its core with the FX and render threads is
     * often preempted in the middle of its part of a sample, which the other then waits for).
     * Measured on two cores for 300,000 iterations of the seed preset, with the log and chart
     * taken in twice a second: two threads lose a session's first run (29,000 samples/s against
     * 39,500 on one), while the JIT compiler still works through the window's code, and win the
     * later ones (44,000 against 40,500). The run's parts, and so its numbers, are the
     * configuration's, the same as on the command line.
     */
    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    /**
     * The least time between two takes of the log's rows (and so of the chart's points) during a
     * run at full speed. Each take costs the table a layout and a repaint of the rows in view, and
     * the chart a redraw, on the cores the run trains on: at two a second rather than four, the FX
     * and render threads took about 13% of a core instead of 19% during a seed run, measured on
     * two cores with the software renderer.
     */
    private static final long LOG_NANOS = 500_000_000L;

    private final AppState state;
    private final Executor ui;
    private final TrainingForm form = new TrainingForm();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyStringWrapper logSummary = new ReadOnlyStringWrapper(this, "logSummary", "");
    private final ReadOnlyStringWrapper logNote = new ReadOnlyStringWrapper(this, "logNote", "");
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(this, "speed", Speed.FULL);
    private final BooleanProperty mistakesOnly = new SimpleBooleanProperty(this, "mistakesOnly");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final ReadOnlyObjectWrapper<ObservableList<LogRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows");
    private final ReadOnlyLongWrapper curveVersion = new ReadOnlyLongWrapper(this, "curveVersion");
    private final ObjectProperty<LogRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ReadOnlyObjectWrapper<SamplePicture> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyObjectWrapper<TrainingResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<FinishedRun> finishedRun = new ReadOnlyObjectWrapper<>(this, "finishedRun");
    private final BooleanBinding canStart;
    private Feedback feedback = Feedback.NONE;
    private IterationLog log = new IterationLog(0);
    private LearningCurve curve;
    private LearningCurve previousCurve;
    private Run run;
    private WarmUp warmUp;
    private long lastSnapshotAt;
    private long lastSamplesAt;
    private Path checkpointFolder;
    private Duration checkpointInterval = Autosave.DEFAULT_INTERVAL;
    private final ReadOnlyObjectWrapper<LocalTime> lastSaved = new ReadOnlyObjectWrapper<>(this, "lastSaved");

    /**
     * One run: its trainer, control, feed, data, task and start, the checkpoint it was resumed from
     * (null for a new run), and whether a failed checkpoint was told.
     */
    private record Run(Trainer trainer, RunControl control, TrainingFeed feed, MnistData data, Task<TrainingResult> task,
                       Instant startedAt, Path resumedFrom, boolean[] saveFailureTold) {
        Run(Trainer trainer, RunControl control, TrainingFeed feed, MnistData data, Task<TrainingResult> task,
            Instant startedAt, Path resumedFrom) {
            this(trainer, control, feed, data, task, startedAt, resumedFrom, new boolean[1]);
        }
    }

    /** A view model whose runs report on the FX thread. */
    public TrainingViewModel(AppState state) {
        this(state, Platform::runLater);
    }

    /** A view model whose runs report through {@code ui} (tests). */
    TrainingViewModel(AppState state, Executor ui) {
        this.state = state;
        this.checkpointFolder = state.folders().checkpoints();
        this.ui = ui;
        rows.set(log.rows());
        canStart = running.not().and(state.modelBusyProperty().not())
                .and(form.configProperty().isNotNull()).and(state.dataProperty().isNotNull());
        mistakesOnly.addListener((obs, was, on) -> rows.set(on ? log.mistakes() : log.rows()));
        speed.addListener((obs, old, s) -> {
            if (run != null) {
                run.control().setSpeed(s == null ? 0 : s.iterationsPerSecond());
            }
        });
        selectedRow.addListener((obs, old, row) -> picture.set(row == null ? null : picture(row)));
        state.dataProperty().addListener((obs, old, data) -> useData(data));
        useData(state.dataProperty().get());
    }

    private void useData(MnistData data) {
        if (data != null) {
            form.inputSizeProperty().set(data.training().pixelsPerImage());
            form.trainingSizeProperty().set(data.training().size());
        }
    }

    /** Where errors and news go. */
    public void setFeedback(Feedback feedback) {
        this.feedback = feedback == null ? Feedback.NONE : feedback;
    }

    /** Where runs save their checkpoints: the user's data folder unless set. */
    public void setCheckpointFolder(Path folder) {
        this.checkpointFolder = folder;
    }

    /** How often runs save a checkpoint ({@link Autosave#DEFAULT_INTERVAL} unless set; null for never). */
    public void setCheckpointInterval(Duration interval) {
        this.checkpointInterval = interval;
    }

    /** Starts a run with the form's configuration on the data set in use. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        TrainingConfig config = form.configProperty().get();
        MnistData data = state.dataProperty().get();
        RunControl control = new RunControl();
        Trainer trainer;
        try {
            trainer = new Trainer(config, data, control);
        } catch (IllegalArgumentException e) {
            feedback.error("Cannot start training", e.getMessage());
            return;
        }
        launch(trainer, control, data, Autosave.newFile(checkpointFolder, config));
    }

    /**
     * Goes on with an interrupted run saved in {@code file} on the data set in use (which must be
     * the one it was training on), to the same weights as the command line would; it saves to the
     * same file.
     */
    public void resume(Path file, RunState saved) {
        if (running.get()) {
            return;
        }
        MnistData data = state.dataProperty().get();
        RunControl control = new RunControl();
        Trainer trainer;
        try {
            trainer = Trainer.resume(saved, data, control);
        } catch (IllegalArgumentException e) {
            feedback.error("Cannot resume the run", file + ": " + e.getMessage());
            return;
        }
        form.show(saved.config());
        launch(trainer, control, data, file);
    }

    /**
     * Starts, once, a short throw-away run of the form's configuration in the background on the
     * data in use ({@link WarmUp}), so that the first real run starts with compiled code; starting
     * or resuming a run stops it at once, and so does {@link #stopWarmUp()}. Does nothing while a
     * run is going, or without data or valid settings.
     */
    public void warmUp() {
        TrainingConfig config = form.configProperty().get();
        MnistData data = state.dataProperty().get();
        if (warmUp != null || running.get() || config == null || data == null) {
            return;
        }
        try {
            warmUp = new WarmUp(config, data, WORKERS);
        } catch (IllegalArgumentException e) {
            return;
        }
        warmUp.start();
    }

    /** Stops the warm-up if one is going (it ends within one training step). */
    public void stopWarmUp() {
        if (warmUp != null) {
            warmUp.stop();
        }
    }

    /** The warm-up started, or null (tests). */
    WarmUp warmUpInProgress() {
        return warmUp;
    }

    private void launch(Trainer trainer, RunControl control, MnistData data, Path checkpoint) {
        stopWarmUp();
        TrainingConfig config = trainer.config();
        long total = config.totalIterations(data.training().size());
        long startAt = trainer.startsAt();
        control.setSpeed(speed.get() == null ? 0 : speed.get().iterationsPerSecond());
        trainer.checkpointEvery(LearningCurve.validationInterval(total)).publishSnapshots(true).workers(WORKERS)
                .autosave(checkpointInterval == null ? null : Autosave.every(checkpointInterval, checkpoint));
        previousCurve = curve;
        curve = new LearningCurve(total, startAt);
        log = new IterationLog(startAt);
        rows.set(mistakesOnly.get() ? log.mistakes() : log.rows());
        selectedRow.set(null);
        Run[] self = new Run[1];
        TrainingFeed feed = new TrainingFeed(ui, () -> take(self[0], false));
        Task<TrainingResult> task = new Task<>() {
            @Override
            protected TrainingResult call() throws Exception {
                return trainer.run(feed);
            }
        };
        Run r = new Run(trainer, control, feed, data, task, Instant.now(), startAt > 0 ? checkpoint : null);
        self[0] = r;
        run = r;
        task.setOnSucceeded(e -> finish(r, task.getValue()));
        task.setOnFailed(e -> fail(r, task.getException()));
        task.setOnCancelled(e -> fail(r, null));
        lastSaved.set(null);
        running.set(true);
        paused.set(false);
        progress.set((double) startAt / Math.max(1, total));
        progressText.set(Texts.count(startAt) + " / " + Texts.count(total));
        status.set(startAt > 0 ? "Training " + config.preset() + " (resumed)…" : "Training " + config.preset() + "…");
        logSummary.set("");
        logNote.set(startAt > 0 ? logNote(log) : "");
        curveVersion.set(curveVersion.get() + 1);
        state.setTraining(true);
        state.modelNameProperty().set(trainingName(config, startAt, total));
        Jobs.daemon(task, "training").start();
    }

    /** Pauses a going run, or resumes a paused one. */
    public void togglePause() {
        if (run == null) {
            return;
        }
        if (paused.get()) {
            run.control().resume();
            paused.set(false);
            status.set("Training " + run.trainer().config().preset() + "…");
        } else {
            run.control().pause();
            paused.set(true);
            status.set("Paused");
        }
    }

    /** Stops the run; it ends (evaluating what it learnt so far) shortly after. */
    public void stop() {
        if (run != null) {
            run.control().cancel();
            paused.set(false);
            status.set("Stopping…");
        }
    }

    /**
     * Takes in what the run reported (FX thread): the progress at every drain, the log and the chart's samples
     * at most {@link #LOG_NANOS} apart at full speed (where nobody reads the rows flying by, and
     * each new row costs the table a layout over every row above it), else (slowed down, paused,
     * finished) every time.
     */
    private void take(Run r, boolean everything) {
        // a batch posted before the run ended but taken in after it finds nothing new, and must not put a
        // snapshot of the learning network in the place of the run's result
        if (r != run || !running.get()) {
            return;
        }
        long takenAt = System.nanoTime();
        boolean withSamples = everything || speed.get() != Speed.FULL || r.control().isPaused()
                || takenAt - lastSamplesAt >= LOG_NANOS;
        if (withSamples) {
            lastSamplesAt = takenAt;
        }
        Progress[] latest = new Progress[1];
        boolean[] checkpointed = new boolean[1];
        LearningCurve c = curve;
        IterationLog l = log;
        r.feed().drain(new TrainingFeed.Sink() {
            @Override
            public void samples(int[] sample, byte[] actual, byte[] guess, float[] cost, int from, int to) {
                l.append(sample, actual, guess, cost, from, to);
                for (int i = from; i < to; i++) {
                    c.add(cost[i]);
                }
            }

            @Override
            public void progress(Progress p) {
                latest[0] = p;
            }

            @Override
            public void checkpoint(Checkpoint checkpoint) {
                c.checkpoint(checkpoint.iteration(), checkpoint.validationAccuracy());
                checkpointed[0] = true;
            }

            @Override
            public void saved(TrainingFeed.Saved saved) {
                if (saved.problem() == null) {
                    lastSaved.set(LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
                } else if (!r.saveFailureTold()[0]) {
                    r.saveFailureTold()[0] = true;
                    feedback.error("Cannot save a checkpoint", saved.problem() + "\nTraining goes on, but if the app stops"
                            + " now, this run cannot be resumed.");
                }
            }
        }, withSamples);
        if (withSamples || checkpointed[0]) {
            // the chart redraws only for new points, not at every drain
            curveVersion.set(curveVersion.get() + 1);
        }
        logSummary.set(logSummary(l));
        logNote.set(logNote(l));
        Progress p = latest[0];
        if (p != null) {
            progress.set(p.fraction());
            LocalTime saved = lastSaved.get();
            progressText.set(String.format(Locale.ROOT, "%s / %s · %,.0f samples/s · %s left%s", Texts.count(p.iteration()),
                    Texts.count(p.totalIterations()), p.samplesPerSecond(), Texts.duration(p.secondsLeft()),
                    saved == null ? "" : " · checkpoint " + saved));
            state.modelNameProperty().set(trainingName(r.trainer().config(), p.iteration(), p.totalIterations()));
        }
        long now = System.nanoTime();
        if (now - lastSnapshotAt >= SNAPSHOT_NANOS) {
            Network snapshot = r.trainer().snapshot();
            if (snapshot != null && snapshot != state.networkProperty().get()) {
                state.networkProperty().set(snapshot);
            }
            lastSnapshotAt = now;
        }
    }

    /** {@code 12,000 iterations · 1,031 wrong}: the iterations of this run logged so far. */
    private static String logSummary(IterationLog l) {
        return Texts.count(l.total() - l.startAt()) + " iterations · " + Texts.count(l.allMistakes()) + " wrong";
    }

    /** What the table does not show: the iterations before a resume, and the rows dropped from a long run's log. */
    private static String logNote(IterationLog l) {
        String resumed = l.startAt() > 0 ? "resumed after iteration " + Texts.count(l.startAt()) : "";
        String capped = l.capped() ? "showing the last " + Texts.count(l.size()) + " of " + Texts.count(l.total() - l.startAt())
                + " iterations" : "";
        String note = resumed.isEmpty() || capped.isEmpty() ? resumed + capped : resumed + "; " + capped;
        return note.isEmpty() ? "" : Character.toUpperCase(note.charAt(0)) + note.substring(1);
    }

    private static String trainingName(TrainingConfig config, long done, long total) {
        return "training: " + config.preset() + ", " + Texts.count(done) + " / " + Texts.count(total);
    }

    private void finish(Run r, TrainingResult res) {
        take(r, true);
        TrainingConfig config = res.config();
        progress.set((double) res.iterations() / Math.max(1, curve.totalIterations()));
        progressText.set(String.format(Locale.ROOT, "%s / %s · %,.0f samples/s · %s", Texts.count(res.iterations()),
                Texts.count(curve.totalIterations()), res.samplesPerSecond(), Texts.duration(res.seconds())));
        result.set(res);
        if (res.iterations() > 0) {
            finishedRun.set(new FinishedRun(res, curve.toCostCurve(), curve.totalIterations(), r.startedAt(), Instant.now(),
                    r.data().source(), "", r.resumedFrom()));
        }
        String name = config.preset() + " run (test " + Texts.percent(res.test().accuracy()) + ", unsaved)";
        if (res.testImages() != null) {
            // the trainer evaluated every test image already: the evaluation screens take that, not a second pass
            state.testEvaluationProperty().set(TestEvaluation.ofRun(name, res, r.data().test()));
        }
        state.networkProperty().set(res.network());
        String accuracy = res.test().total() > 0 ? res.test().accuracyLine("test") : "no test images";
        state.modelNameProperty().set(name);
        // not running only once the result is in place: whoever waits for the run to stop finds it there
        end(r);
        switch (res.status()) {
            case COMPLETED -> {
                status.set("Finished: " + accuracy);
                feedback.info("Training finished", accuracy + String.format(Locale.ROOT, "\n%s iterations in %s (%,.0f samples/s)",
                        Texts.count(res.iterations()), Texts.duration(res.seconds()), res.samplesPerSecond()));
            }
            case CANCELLED -> {
                status.set("Stopped after " + Texts.count(res.iterations()) + " iterations: " + accuracy);
                feedback.info("Training stopped", "Stopped after " + Texts.count(res.iterations()) + " iterations\n" + accuracy);
            }
            case DIVERGED -> {
                status.set("Diverged after " + Texts.count(res.iterations()) + " iterations");
                feedback.error("Training diverged", "The cost became NaN (or infinite) after " + Texts.count(res.iterations())
                        + " iterations, so the run stopped and kept the last good weights.\nLower the learning rate (now "
                        + config.learningRate() + ") and train again.");
            }
            default -> throw new IllegalStateException(res.status().toString());
        }
    }

    private void fail(Run r, Throwable e) {
        end(r);
        status.set("Training failed");
        if (e != null) {
            feedback.error("Training failed", e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void end(Run r) {
        if (r == run) {
            running.set(false);
            paused.set(false);
            state.setTraining(false);
        }
    }

    private SamplePicture picture(LogRow row) {
        MnistData data = run != null ? run.data() : state.dataProperty().get();
        if (data == null || row.sampleIndex() >= data.training().size()) {
            return null;
        }
        DataSet set = data.training();
        int n = set.pixelsPerImage();
        byte[] pixels = new byte[n];
        for (int p = 0; p < n; p++) {
            pixels[p] = (byte) set.pixel(row.sampleIndex(), p);
        }
        String caption = String.format(Locale.ROOT, "iteration %s · image %s\na %d, guessed %d%s", Texts.count(row.iteration()),
                Texts.count(row.sampleIndex()), row.actual(), row.guess(), row.right() ? "" : " ✗");
        return new SamplePicture(set.rows(), set.cols(), pixels, caption);
    }

    public TrainingForm form() {
        return form;
    }

    /** Whether Start can be pressed: no run going, valid settings, data loaded. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** The share of the run done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** {@code 12,000 / 50,000 · 21,300 samples/s · 0:02 left}. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What the pane is doing, e.g. "Paused" or "Finished: test accuracy: 0.9270 (9270/10000)". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** {@code 12,000 iterations · 1,031 wrong}. */
    public ReadOnlyStringProperty logSummaryProperty() {
        return logSummary.getReadOnlyProperty();
    }

    /**
     * What the table leaves out, {@code ""} when nothing: "Resumed after iteration 30,016" and
     * "showing the last 100,000 of 1,000,000 iterations" once a long run's log drops old rows.
     */
    public ReadOnlyStringProperty logNoteProperty() {
        return logNote.getReadOnlyProperty();
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    public BooleanProperty mistakesOnlyProperty() {
        return mistakesOnly;
    }

    /** Whether the log keeps its last row in view. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** The log rows to show (all, or the mistakes only); replaced by a new list for every run. */
    public ReadOnlyObjectProperty<ObservableList<LogRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** Changes whenever the curves have new points. */
    public ReadOnlyLongProperty curveVersionProperty() {
        return curveVersion.getReadOnlyProperty();
    }

    /** The current run's curve (null before the first run). */
    LearningCurve curve() {
        return curve;
    }

    /** The run before, shown greyed for comparison (null if none). */
    LearningCurve previousCurve() {
        return previousCurve;
    }

    /** The log row chosen in the table. */
    public ObjectProperty<LogRow> selectedRowProperty() {
        return selectedRow;
    }

    /** The training image of the chosen row. */
    public ReadOnlyObjectProperty<SamplePicture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** How the last run ended (null before the first). */
    public ReadOnlyObjectProperty<TrainingResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** When the run in progress last saved its checkpoint (null before its first). */
    public ReadOnlyObjectProperty<LocalTime> lastSavedProperty() {
        return lastSaved.getReadOnlyProperty();
    }

    /** The last run that ended with its curve, for the run history (null before the first). */
    public ReadOnlyObjectProperty<FinishedRun> finishedRunProperty() {
        return finishedRun.getReadOnlyProperty();
    }

    /** A copy of the log of the current (or last) run, every row kept, to export. */
    public LogTable logTable() {
        return log.copy();
    }

    /** The persisted part: the form. */
    public TrainingSettings settings() {
        return form.settings();
    }

    public void restore(TrainingSettings settings) {
        form.restore(settings);
    }
}
