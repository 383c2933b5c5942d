package org.mnistrecognition.app.evaluate;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.mnistrecognition.Problems;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Jobs;
import org.mnistrecognition.app.WhileShown;
import org.mnistrecognition.app.training.FinishedRun;
import org.mnistrecognition.app.DrawingBoard;
import org.mnistrecognition.app.Feedback;
import org.mnistrecognition.app.TestEvaluation;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.data.PersonalSet;
import org.mnistrecognition.history.RunRecorder;
import org.mnistrecognition.model.ModelMetadata;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.Evaluation;
import org.mnistrecognition.training.Evaluator;
import org.mnistrecognition.training.FineTuning;
import org.mnistrecognition.training.ImageResults;
import org.mnistrecognition.training.Progress;
import org.mnistrecognition.training.RunControl;
import org.mnistrecognition.training.TrainingListener;

/**
 * The handwriting screen's state and commands: the person's own digits (saved from the drawing
 * pane with their true label, as IDX in the user's data folder), how the model in use reads
 * them, and fine-tuning the model on them mixed with MNIST. Files are read and written one at a
 * time in the background; the model is measured and tuned in the background too. Touches no
 * control.
 */
public final class HandwritingViewModel {
    /** Takes a tuned network as the app's model. */
    @FunctionalInterface
    public interface ModelTaker {
        void take(Network network, ModelMetadata metadata, String label);
    }

    /** What a file operation does to the saved set, off the FX thread. */
    @FunctionalInterface
    private interface Change {
        DataSet apply(DataSet current) throws Exception;
    }

    /** A queued file operation and what to do once it is saved. */
    private record Pending(Change change, Runnable then) {
    }

    /** The seed of every fine-tuning (the same set and model tune the same way). */
    static final long SEED = 1;

    private final AppState state;
    private final PersonalSet store;
    private final Jobs jobs;
    private final ReadOnlyObjectWrapper<DataSet> set = new ReadOnlyObjectWrapper<>(this, "set",
            DataSet.empty("your handwriting", PersonalSet.SIDE, PersonalSet.SIDE));
    private final ReadOnlyObjectWrapper<Gallery> gallery = new ReadOnlyObjectWrapper<>(this, "gallery", Gallery.empty(""));
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper reading = new ReadOnlyStringWrapper(this, "reading", "");
    private final ReadOnlyStringWrapper tuneText = new ReadOnlyStringWrapper(this, "tuneText", "");
    private final ReadOnlyBooleanWrapper drawn = new ReadOnlyBooleanWrapper(this, "drawn");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper tuning = new ReadOnlyBooleanWrapper(this, "tuning");
    private final ReadOnlyDoubleWrapper tuneProgress = new ReadOnlyDoubleWrapper(this, "tuneProgress");
    private final ReadOnlyObjectWrapper<FinishedRun> finishedRun = new ReadOnlyObjectWrapper<>(this, "finishedRun");
    private final BooleanProperty clearAfterSaving = new SimpleBooleanProperty(this, "clearAfterSaving", true);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 3);
    private final BooleanBinding canSave;
    private final BooleanBinding canTune;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private Feedback feedback = Feedback.NONE;
    private ModelTaker taker = (network, metadata, label) -> { };
    private boolean saving;
    /** How the model in use reads the set, made only while the tab is in view (a run replaces the model often). */
    private final WhileShown reckoner = new WhileShown(this::reckon);
    private Jobs.Job tuneJob;
    private RunControl tuneControl;

    /** A view model on the set in the app's user folders, working on daemon threads. */
    public HandwritingViewModel(AppState state) {
        this(state, new PersonalSet(state.folders().handwriting()), Jobs.standard("handwriting"));
    }

    HandwritingViewModel(AppState state, PersonalSet store, Jobs jobs) {
        this.state = state;
        this.store = store;
        this.jobs = jobs;
        canSave = drawn.and(loaded);
        canTune = Bindings.createBooleanBinding(() -> !set.get().isEmpty() && state.networkProperty().get() != null
                        && state.dataProperty().get() != null && !state.modelBusyProperty().get(),
                set, state.networkProperty(), state.dataProperty(), state.modelBusyProperty());
        state.boardProperty().addListener((obs, old, board) -> watchBoard(board));
        watchBoard(state.boardProperty().get());
        state.networkProperty().addListener(x -> reckoner.request());
        set.addListener(x -> {
            updateCounts();
            reckoner.request();
        });
        updateCounts();
    }

    /** Whether the tab is in view: out of view, a new model only marks the reading out of date. */
    public BooleanProperty shownProperty() {
        return reckoner.shownProperty();
    }

    public void setFeedback(Feedback feedback) {
        this.feedback = feedback == null ? Feedback.NONE : feedback;
    }

    /** How a tuned model becomes the app's model. */
    public void setModelTaker(ModelTaker taker) {
        this.taker = taker == null ? (network, metadata, label) -> { } : taker;
    }

    private void watchBoard(DrawingBoard board) {
        drawn.unbind();
        if (board == null) {
            drawn.set(false);
        } else {
            drawn.bind(board.inputProperty().isNotNull());
        }
    }

    /** Reads the saved set (at start). */
    public void load() {
        jobs.start(p -> store.load(), new Jobs.Outcome<DataSet>() {
            @Override
            public void done(DataSet value) {
                set.set(value);
                loaded.set(true);
            }

            @Override
            public void failed(Throwable problem) {
                counts.set("Your digits cannot be read: " + Problems.describe(problem));
                feedback.error("Cannot read your handwriting set", Texts.problem(store.folder(), problem));
            }
        });
    }

    /** Saves the digit on the drawing canvas as a {@code label} to the set, then clears the canvas if asked. */
    public void save(int label) {
        DrawingBoard board = state.boardProperty().get();
        double[] input = board == null || !loaded.get() ? null : board.inputNow();
        if (input == null) {
            return;
        }
        byte[] image = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            image[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, input[i])));
        }
        if (clearAfterSaving.get()) {
            board.clear();
        }
        change(current -> store.add(current, image, label), null);
    }

    /** Removes the digit at {@code position} of the gallery from the set. */
    public void remove(int position) {
        Gallery g = gallery.get();
        if (position < 0 || position >= g.size() || g.images() != set.get()) {
            return;
        }
        int index = g.image(position);
        DataSet shown = g.images();
        change(current -> current == shown ? store.remove(current, index) : current, null);
    }

    /** Puts the digit at {@code position} of the gallery on the drawing canvas. */
    public void open(int position) {
        gallery.get().showOn(state.boardProperty().get(), position);
    }

    /** Queues a change of the saved set; changes are saved one at a time, in order. */
    private void change(Change change, Runnable then) {
        pending.add(new Pending(change, then));
        if (!saving) {
            saveNext();
        }
    }

    private void saveNext() {
        Pending next = pending.poll();
        if (next == null) {
            saving = false;
            return;
        }
        saving = true;
        DataSet current = set.get();
        jobs.start(p -> next.change().apply(current), new Jobs.Outcome<DataSet>() {
            @Override
            public void done(DataSet value) {
                set.set(value);
                if (next.then() != null) {
                    next.then().run();
                }
                saveNext();
            }

            @Override
            public void failed(Throwable problem) {
                feedback.error("Cannot save your handwriting set", Texts.problem(store.folder(), problem));
                saveNext();
            }
        });
    }

    /** Measures the model in use on the set (again) in the background, then calls {@code done}. */
    private void reckon(Runnable done) {
        Network network = state.networkProperty().get();
        DataSet mine = set.get();
        if (network == null) {
            gallery.set(Gallery.empty("Load or train a model to see how it reads your digits."));
            reading.set("");
            done.run();
            return;
        }
        if (mine.isEmpty() || network.inputSize() != mine.pixelsPerImage()) {
            gallery.set(Gallery.empty(mine.isEmpty() ? "Your saved digits appear here." : "The model in use does not read "
                    + PersonalSet.SIDE + "x" + PersonalSet.SIDE + " images."));
            reading.set(mine.isEmpty() ? "" : "The model in use takes " + network.inputSize() + " inputs, not 28×28 pixels.");
            done.run();
            return;
        }
        jobs.start(p -> Evaluator.evaluateImages(network, mine, (evaluated, total) -> { }), new Jobs.Outcome<ImageResults>() {
            @Override
            public void done(ImageResults results) {
                int[] newestFirst = new int[mine.size()];
                for (int k = 0; k < newestFirst.length; k++) {
                    newestFirst[k] = mine.size() - 1 - k;
                }
                gallery.set(new Gallery(mine, results, newestFirst, ""));
                Evaluation e = results.evaluation();
                reading.set(String.format(Locale.ROOT, "The model in use reads %s of your %s digits right (%s).",
                        Texts.count(e.correct()), Texts.count(e.total()), Texts.percent(e.accuracy())));
                done.run();
            }

            @Override
            public void failed(Throwable problem) {
                reading.set("Cannot read your digits: " + Problems.describe(problem));
                done.run();
            }
        });
    }

    private void updateCounts() {
        DataSet s = set.get();
        if (s.isEmpty()) {
            counts.set("No digits saved yet. Draw one on the canvas, then press the digit it is.");
            return;
        }
        int[] per = new int[10];
        for (int i = 0; i < s.size(); i++) {
            per[s.label(i)]++;
        }
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < 10; d++) {
            b.append(d == 0 ? "" : " · ").append(d).append(": ").append(per[d]);
        }
        counts.set(Texts.count(s.size()) + " digit" + (s.size() == 1 ? "" : "s") + " saved (" + b + ")");
    }

    /**
     * Fine-tunes the model in use on the set mixed with MNIST ({@link FineTuning}), then makes the
     * tuned model the app's model and reports the accuracies before and after.
     */
    public void fineTune() {
        if (!canTune.get()) {
            return;
        }
        Network network = state.networkProperty().get();
        MnistData data = state.dataProperty().get();
        DataSet mine = set.get();
        String name = state.modelNameProperty().get();
        String tunedFrom = name.contains(" (") ? name.substring(0, name.indexOf(" (")) : name;
        FineTuning.Plan plan = new FineTuning.Plan(Math.max(1, epochs.get()), 1, SEED);
        long total = FineTuning.totalIterations(network, plan, mine.size());
        // follows the tuning on its thread; read once the job is done
        RunRecorder recorder = new RunRecorder(total, 0);
        RunControl control = new RunControl();
        Jobs.Job job = new Jobs.Job();
        tuneJob = job;
        tuneControl = control;
        tuning.set(true);
        state.setTuning(true);
        tuneProgress.set(0);
        tuneText.set("Fine-tuning on your " + Texts.count(mine.size()) + " digits, each mixed with "
                + FineTuning.MNIST_SHARE + " MNIST images…");
        jobs.start(job, p -> FineTuning.run(network, mine, data, plan, control, TrainingListener.all(recorder,
                new TrainingListener() {
                    @Override
                    public void progress(Progress progress) {
                        p.report(progress.fraction());
                    }
                })), new Jobs.Outcome<FineTuning.Result>() {
            @Override
            public void progress(double fraction) {
                tuneProgress.set(fraction);
            }

            @Override
            public void done(FineTuning.Result r) {
                tuned();
                tuneText.set(String.format(Locale.ROOT, "Your digits: %s right → %s, sure of the right digit %s → %s on "
                        + "average. MNIST test set: %s → %s. The tuned model is now in use (unsaved).",
                        fraction(r.personalBefore()), fraction(r.personalAfter()), Texts.probability(r.sureBefore()),
                        Texts.probability(r.sureAfter()), Texts.percent2(r.testBefore().accuracy()),
                        Texts.percent2(r.testAfter().accuracy())));
                String source = data.source() + " + " + store.folder();
                Instant ended = Instant.now();
                finishedRun.set(new FinishedRun(r.training(), recorder.curve().toCostCurve(), total, recorder.startedAt(),
                        ended, source, tunedFrom, null));
                taker.take(r.network(), r.training().metadata(source, ended),
                        tunedFrom.startsWith("fine-tuned ") ? tunedFrom : "fine-tuned " + tunedFrom);
                if (state.networkProperty().get() == r.network() && r.training().testImages() != null) {
                    // the tuning run evaluated the test set already: the evaluation screens take that, not a second pass
                    state.testEvaluationProperty().set(TestEvaluation.ofRun(state.modelNameProperty().get(), r.training(),
                            data.test()));
                }
            }

            @Override
            public void failed(Throwable problem) {
                tuned();
                tuneText.set("Fine-tuning failed: " + Problems.describe(problem));
                feedback.error("Cannot fine-tune the model", Problems.describe(problem));
            }

            @Override
            public void cancelled() {
                tuned();
                tuneText.set("Fine-tuning stopped; the model in use is unchanged.");
            }
        });
    }

    /** Stops the fine-tuning; the model in use stays as it was. */
    public void cancelFineTune() {
        if (tuneJob != null) {
            tuneControl.cancel();
            tuneJob.cancel();
        }
    }

    private void tuned() {
        tuneJob = null;
        tuneControl = null;
        tuning.set(false);
        state.setTuning(false);
        tuneProgress.set(0);
    }

    /** {@code 20/23 (87.0%)}. */
    private static String fraction(Evaluation e) {
        return e.correct() + "/" + e.total() + " (" + Texts.percent(e.accuracy()) + ")";
    }

    /** The last fine-tuning that finished, for the run history (null before the first). */
    public ReadOnlyObjectProperty<FinishedRun> finishedRunProperty() {
        return finishedRun.getReadOnlyProperty();
    }

    /** The saved digits (empty until read). */
    public ReadOnlyObjectProperty<DataSet> setProperty() {
        return set.getReadOnlyProperty();
    }

    /** The saved digits, newest first, with the model's guesses. */
    public ReadOnlyObjectProperty<Gallery> galleryProperty() {
        return gallery.getReadOnlyProperty();
    }

    /** How many digits of each kind are saved. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** How the model in use reads them. */
    public ReadOnlyStringProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** How the last fine-tuning went, or what it is doing. */
    public ReadOnlyStringProperty tuneTextProperty() {
        return tuneText.getReadOnlyProperty();
    }

    /** Whether a digit can be saved now: one drawn, the set read. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** Whether fine-tuning can start: digits saved, a model and data, no run or tuning going, the model free to change. */
    public BooleanBinding canTuneProperty() {
        return canTune;
    }

    public ReadOnlyBooleanProperty tuningProperty() {
        return tuning.getReadOnlyProperty();
    }

    /** The fine-tuning's progress, 0 to 1. */
    public ReadOnlyDoubleProperty tuneProgressProperty() {
        return tuneProgress.getReadOnlyProperty();
    }

    /** Whether saving a digit clears the canvas for the next. */
    public BooleanProperty clearAfterSavingProperty() {
        return clearAfterSaving;
    }

    /** Passes over the mix, 1 or more. */
    public IntegerProperty epochsProperty() {
        return epochs;
    }

    /** Where the set is kept. */
    public String folder() {
        return Texts.folder(store.folder());
    }
}
