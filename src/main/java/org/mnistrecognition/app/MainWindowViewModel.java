package org.mnistrecognition.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.mnistrecognition.app.training.TrainingViewModel;
import org.mnistrecognition.data.DataSetLoader;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.model.Model;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.model.ModelMetadata;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.DataFingerprint;
import org.mnistrecognition.training.InterruptedRuns;
import org.mnistrecognition.training.RunState;
import org.mnistrecognition.training.RunStateFile;
import org.mnistrecognition.report.CsvFiles;
import org.mnistrecognition.report.LogTable;
import org.mnistrecognition.training.TrainingResult;

/**
 * The main window's state and commands: loading the bundled data and model at start, the File
 * menu (open, save, bundled model, open data set) and the status bar. Every file is read or
 * written in a background {@link Task}; problems go to {@link Feedback} naming the file.
 */
public final class MainWindowViewModel {
    private final AppState state;
    private final TrainingViewModel training;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper busyProgress = new ReadOnlyDoubleWrapper(this, "busyProgress");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    /** Whether the status bar shows work (file tasks, and work started elsewhere such as a picture being saved). */
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    /** The background work under way, oldest first; the status bar shows the newest. */
    private final List<Work> works = new ArrayList<>();
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper(this, "hasModel");
    private final BooleanBinding canSave;
    private final BooleanBinding canChangeModel;
    private Feedback feedback = Feedback.NONE;
    private Network savable;
    private ModelMetadata savableMetadata;
    private Path checkpoints;
    private final ReadOnlyObjectWrapper<InterruptedRuns.Found> interrupted = new ReadOnlyObjectWrapper<>(this, "interrupted");

    /**
     * @param state the shared state
     * @param training the training pane, whose finished runs become the model in use
     */
    public MainWindowViewModel(AppState state, TrainingViewModel training) {
        this.state = state;
        this.checkpoints = state.folders().checkpoints();
        this.training = training;
        canChangeModel = state.modelBusyProperty().not();
        canSave = canChangeModel.and(hasModel);
        training.resultProperty().addListener((obs, old, result) -> trained(result));
    }

    public void setFeedback(Feedback feedback) {
        this.feedback = feedback == null ? Feedback.NONE : feedback;
    }

    /** Loads the bundled data set, then the bundled model, in the background. */
    public void startUp() {
        Path dataPath = DataSetLoader.bundledData();
        Path modelPath = ModelFile.bundledModel();
        run("Loading the MNIST data set…", new Task<MnistData>() {
            @Override
            protected MnistData call() throws Exception {
                return DataSetLoader.load(dataPath);
            }
        }, dataPath, "Cannot load the data set", data -> {
            state.dataProperty().set(data);
            training.warmUp();
            loadModel(modelPath, "bundled model", this::lookForInterruptedRuns);
        }, () -> loadModel(modelPath, "bundled model", this::lookForInterruptedRuns));
    }

    /** Where runs save their checkpoints, and where interrupted ones are looked for at start. */
    public void setCheckpointFolder(Path folder) {
        this.checkpoints = folder;
        training.setCheckpointFolder(folder);
    }

    /** Looks in the background for runs that were interrupted, and offers the latest through {@link #interruptedRunProperty()}. */
    private void lookForInterruptedRuns() {
        Path folder = checkpoints;
        run("Looking for interrupted runs…", new Task<List<InterruptedRuns.Found>>() {
            @Override
            protected List<InterruptedRuns.Found> call() {
                return InterruptedRuns.in(folder);
            }
        }, folder, "Cannot look for interrupted runs", found -> {
            if (!found.isEmpty() && !training.runningProperty().get()) {
                interrupted.set(found.get(0));
            }
        }, null);
    }

    /** "seed, 784-200-200-10: 30,016 of 100,000 iterations (30.0%) trained on data/mnist, saved 2026-11-25 12:57". */
    public static String describe(InterruptedRuns.Found found) {
        RunStateFile.Summary s = found.summary();
        String saved = Texts.dateTime(s.savedAt());
        return s.config().preset() + ", " + s.config().architecture().describe() + ": " + Texts.count(s.iterations()) + " of "
                + Texts.count(s.totalIterations()) + " iterations (" + Texts.percent((double) s.iterations() / s.totalIterations())
                + ") trained on " + s.data().source() + ", saved " + saved;
    }

    /**
     * Resumes the offered interrupted run: reads its checkpoint, loads the data set it trained on
     * if another is in use, and starts it in the training pane.
     */
    public void resumeInterrupted() {
        InterruptedRuns.Found found = interrupted.get();
        interrupted.set(null);
        if (found == null || training.runningProperty().get()) {
            return;
        }
        MnistData current = state.dataProperty().get();
        run("Loading the interrupted run…", new Task<Resumable>() {
            @Override
            protected Resumable call() throws Exception {
                RunState saved = RunStateFile.load(found.file());
                if (current != null && saved.data().sameImages(DataFingerprint.of(current))) {
                    return new Resumable(saved, current);
                }
                MnistData data = DataSetLoader.load(Path.of(saved.data().source()));
                if (!saved.data().sameImages(DataFingerprint.of(data))) {
                    throw new IOException("the run trained on other images than " + saved.data().source() + " now holds");
                }
                return new Resumable(saved, data);
            }
        }, found.file(), "Cannot resume the run", resumable -> {
            if (resumable.data() != current) {
                state.dataProperty().set(resumable.data());
            }
            training.resume(found.file(), resumable.state());
        }, null);
    }

    /** Deletes the offered interrupted run's checkpoint. */
    public void discardInterrupted() {
        InterruptedRuns.Found found = interrupted.get();
        interrupted.set(null);
        if (found == null) {
            return;
        }
        run("Discarding the interrupted run…", new Task<Void>() {
            @Override
            protected Void call() throws Exception {
                Files.deleteIfExists(found.file());
                return null;
            }
        }, found.file(), "Cannot discard the interrupted run", done -> { }, null);
    }

    /** Leaves the offered interrupted run for the next start. */
    public void resumeLater() {
        interrupted.set(null);
    }

    /** An interrupted run to offer for resuming (null when there is none, or once answered). */
    public ReadOnlyObjectProperty<InterruptedRuns.Found> interruptedRunProperty() {
        return interrupted.getReadOnlyProperty();
    }

    /** A checkpoint and the data set it resumes on. */
    private record Resumable(RunState state, MnistData data) {
    }

    /** Reads a model file and makes it the model in use. */
    public void openModel(Path file) {
        loadModel(file, String.valueOf(file.getFileName()));
    }

    /** Reads a model file and makes it the model in use, called {@code label} (e.g. "run of 2025-05-01 14:03"). */
    public void openModel(Path file, String label) {
        loadModel(file, label);
    }

    /**
     * Makes a network made in this session (a fine-tuned model) the model in use: unsaved, so
     * Save model saves it and closing asks first.
     */
    public void adopt(Network network, ModelMetadata metadata, String label) {
        state.networkProperty().set(network);
        state.modelNameProperty().set(label + " (test " + Texts.percent(metadata.training().testAccuracy()) + ", unsaved)");
        remember(network, metadata, true);
    }

    /** Writes the training log (every row of the current or last run) to {@code file} as CSV. */
    public void exportLog(Path file) {
        LogTable log = training.logTable();
        if (log.size() == 0) {
            feedback.error("Nothing to export", "The training log is empty: start a run first.");
            return;
        }
        export("Exporting the log (" + Texts.count(log.size()) + " rows)…", file, () -> CsvFiles.writeLog(file, log));
    }

    /** Writes the latest test evaluation (per-class figures and the confusion matrix) to {@code file} as CSV. */
    public void exportEvaluation(Path file) {
        TestEvaluation e = state.testEvaluationProperty().get();
        if (e == null) {
            feedback.error("Nothing to export", "No model has been evaluated on the test set yet.");
            return;
        }
        export("Exporting the evaluation…", file, () -> CsvFiles.writeEvaluation(file,
                e.modelName() + " on " + Texts.count(e.images().size()) + " test images", e.evaluation()));
    }

    /** Writes a file in the background, saying so in the status bar and when it is done. */
    private void export(String what, Path file, AtomicWrite write) {
        run(what, new Task<Path>() {
            @Override
            protected Path call() throws Exception {
                write.run();
                return file;
            }
        }, file, "Cannot export", done -> feedback.info("Exported", done.toString()), null);
    }

    /** Writes one file. */
    @FunctionalInterface
    private interface AtomicWrite {
        void run() throws Exception;
    }

    /** Goes back to the bundled model. */
    public void useBundledModel() {
        loadModel(ModelFile.bundledModel(), "bundled model");
    }

    private void loadModel(Path file, String label) {
        loadModel(file, label, () -> { });
    }

    /** Loads a model, then (whether it could or not) runs {@code then}. */
    private void loadModel(Path file, String label, Runnable then) {
        run("Loading " + label + "…", new Task<Model>() {
            @Override
            protected Model call() throws Exception {
                return ModelFile.load(file);
            }
        }, file, "Cannot open the model", model -> {
            state.networkProperty().set(model.network());
            state.modelNameProperty().set(describe(label, model.metadata()));
            remember(model.network(), model.metadata(), false);
            then.run();
        }, then);
    }

    /** "bundled model (best, 98.9%)". */
    static String describe(String label, ModelMetadata metadata) {
        String preset = metadata.preset().isBlank() ? "" : metadata.preset() + ", ";
        double accuracy = metadata.training().testAccuracy();
        String details = preset + (Double.isFinite(accuracy) ? Texts.percent(accuracy) : "accuracy unknown");
        return label + " (" + details + ")";
    }

    /** Reads an IDX folder or an {@code .npz} file and makes it the data set in use. */
    public void openData(Path dirOrNpz) {
        run("Loading " + dirOrNpz.getFileName() + "…", new Task<MnistData>() {
            @Override
            protected MnistData call() throws Exception {
                return DataSetLoader.load(dirOrNpz);
            }
        }, dirOrNpz, "Cannot open the data set", data -> {
            state.dataProperty().set(data);
            feedback.info("Data set loaded", data.source() + "\n" + Texts.count(data.training().size()) + " training, "
                    + Texts.count(data.validation().size()) + " validation, " + Texts.count(data.test().size()) + " test images");
        }, null);
    }

    /** Saves the model in use (with its metadata) to {@code file}, atomically; then runs {@code then}. */
    public void saveModel(Path file, Runnable then) {
        saveModel(file, then, null);
    }

    /**
     * Saves the model in use (with its metadata) to {@code file}, atomically; then runs {@code then},
     * or, if it cannot, says why and runs {@code afterFailure} (when not null).
     */
    public void saveModel(Path file, Runnable then, Runnable afterFailure) {
        Network network = savable;
        ModelMetadata metadata = savableMetadata;
        if (network == null) {
            feedback.error("Nothing to save", "There is no model to save yet.");
            if (afterFailure != null) {
                afterFailure.run();
            }
            return;
        }
        run("Saving " + file.getFileName() + "…", new Task<Void>() {
            @Override
            protected Void call() throws Exception {
                ModelFile.save(file, network, metadata);
                return null;
            }
        }, file, "Cannot save the model", done -> {
            if (network == savable) {
                unsaved.set(false);
                if (state.networkProperty().get() == network) {
                    state.modelNameProperty().set(describe(String.valueOf(file.getFileName()), metadata));
                }
            }
            if (then != null) {
                then.run();
            }
        }, afterFailure);
    }

    private void trained(TrainingResult result) {
        if (result == null || result.iterations() == 0) {
            return;
        }
        MnistData data = state.dataProperty().get();
        remember(result.network(), result.metadata(data == null ? "" : data.source(), Instant.now()), true);
    }

    private void remember(Network network, ModelMetadata metadata, boolean fresh) {
        savable = network;
        savableMetadata = metadata;
        hasModel.set(true);
        unsaved.set(fresh);
    }

    /**
     * A piece of background work in the status bar: what it does, its share done (-1 while
     * unknown), and whether it holds the model and Start while it runs (a file being read or
     * written does; a picture being saved does not).
     */
    private static final class Work {
        private final String what;
        private final boolean holds;
        private double done = -1;

        Work(String what, boolean holds) {
            this.what = what;
            this.holds = holds;
        }
    }

    /** Work started elsewhere that the status bar shows while it runs. FX thread. */
    public interface Shown {
        /** The share done, 0 to 1. */
        default void progress(double done) {
        }

        /** The work has ended (done, failed or stopped); the status bar forgets it. */
        default void ended() {
        }
    }

    /** Shows {@code what} (such as "Saving digits.png…") in the status bar until it ends, without holding the model or Start. */
    public Shown show(String what) {
        Work work = new Work(what, false);
        works.add(work);
        showWork();
        return new Shown() {
            @Override
            public void progress(double done) {
                work.done = done;
                showWork();
            }

            @Override
            public void ended() {
                finished(work);
            }
        };
    }

    /** Runs {@code task} on the app's shared daemon threads, showing its progress; reports a failure naming {@code file}. */
    private <T> void run(String what, Task<T> task, Path file, String failureTitle, Consumer<T> done, Runnable afterFailure) {
        Work work = new Work(what, true);
        works.add(work);
        showWork();
        task.setOnSucceeded(e -> {
            finished(work);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished(work);
            feedback.error(failureTitle, Texts.problem(file, task.getException()));
            if (afterFailure != null) {
                afterFailure.run();
            }
        });
        Jobs.inBackground(task, what);
    }

    /** One piece of work has ended; the window is idle once they all have (an export may end during a load). */
    private void finished(Work work) {
        works.remove(work);
        showWork();
    }

    private void showWork() {
        boolean holding = works.stream().anyMatch(w -> w.holds);
        busy.set(holding);
        state.setLoading(holding);
        working.set(!works.isEmpty());
        Work newest = works.isEmpty() ? null : works.get(works.size() - 1);
        busyText.set(newest == null ? "" : newest.what);
        busyProgress.set(newest == null ? 0 : newest.done);
    }

    /** Whether closing now would lose a trained model (or a run). */
    public boolean hasUnsavedWork() {
        return unsaved.get() || training.runningProperty().get();
    }

    /** Whether a file is being read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The progress of the work the status bar shows: -1 indeterminate, 0 none. */
    public ReadOnlyDoubleProperty busyProgressProperty() {
        return busyProgress.getReadOnlyProperty();
    }

    /** What the status bar says: the work going on, else the model in use. */
    public StringBinding statusTextProperty() {
        return Bindings.createStringBinding(() -> working.get() ? busyText.get() : "Model: " + state.modelNameProperty().get(),
                working, busyText, state.modelNameProperty());
    }

    /** Whether the model in use was trained here and not saved. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** Whether Save model… applies: a model, no run going, no file being read. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** Whether the model or data can be changed: no run going, no file being read. */
    public BooleanBinding canChangeModelProperty() {
        return canChangeModel;
    }

    public TrainingViewModel training() {
        return training;
    }
}
