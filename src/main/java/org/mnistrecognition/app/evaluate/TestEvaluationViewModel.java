package org.mnistrecognition.app.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mnistrecognition.Problems;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Jobs;
import org.mnistrecognition.app.Feedback;
import org.mnistrecognition.app.TestEvaluation;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.Evaluation;
import org.mnistrecognition.training.Evaluator;
import org.mnistrecognition.training.ImageResults;

/**
 * The test evaluation screen's state and commands: evaluating the model in use on every test
 * image in the background (by hand, and by itself whenever a model is loaded or a run ends), the
 * accuracy, the per-class precision and recall, the confusion matrix, and the images of the cell
 * chosen in it. The evaluation goes to {@link AppState#testEvaluationProperty()} for the other
 * screens. Touches no control.
 */
public final class TestEvaluationViewModel {
    /**
     * One digit's line of the per-class table.
     *
     * @param digit the class
     * @param images how many test images are of it
     * @param precision of the images guessed {@code digit}, the share that are
     * @param recall of the images of {@code digit}, the share guessed so
     * @param f1 the harmonic mean of the two
     */
    public record ClassRow(int digit, int images, double precision, double recall, double f1) {
    }

    private final AppState state;
    private final Jobs jobs;
    private final Executor later;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Not evaluated yet.");
    private final ReadOnlyStringWrapper accuracy = new ReadOnlyStringWrapper(this, "accuracy", "–");
    private final ObservableList<ClassRow> classRows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ObjectProperty<Cell> selectedCell = new SimpleObjectProperty<>(this, "selectedCell");
    private final ReadOnlyObjectWrapper<Gallery> cellGallery = new ReadOnlyObjectWrapper<>(this, "cellGallery",
            Gallery.empty("Click a cell of the matrix to see its images here."));
    private final ReadOnlyStringWrapper cellTitle = new ReadOnlyStringWrapper(this, "cellTitle", "Images of a cell");
    private final BooleanBinding canEvaluate;
    private Feedback feedback = Feedback.NONE;
    private Jobs.Job job;
    private boolean autoPending;

    /** A view model on the app's state, evaluating on daemon threads and reporting on the FX thread. */
    public TestEvaluationViewModel(AppState state) {
        this(state, Jobs.standard("evaluate test set"), Platform::runLater);
    }

    /**
     * A view model whose evaluations run through {@code jobs}, and whose automatic evaluations wait
     * for {@code later} (so that a new model's name, set just after it, is known).
     */
    TestEvaluationViewModel(AppState state, Jobs jobs, Executor later) {
        this.state = state;
        this.jobs = jobs;
        this.later = later;
        canEvaluate = Bindings.createBooleanBinding(() -> state.networkProperty().get() != null
                && state.dataProperty().get() != null, state.networkProperty(), state.dataProperty());
        state.networkProperty().addListener(x -> evaluateSoon());
        state.dataProperty().addListener(x -> evaluateSoon());
        state.trainingProperty().addListener((obs, was, now) -> evaluateSoon());
        state.testEvaluationProperty().addListener((obs, old, now) -> show(now));
        selectedCell.addListener(x -> showCell());
        show(state.testEvaluationProperty().get());
    }

    public void setFeedback(Feedback feedback) {
        this.feedback = feedback == null ? Feedback.NONE : feedback;
    }

    /** Evaluates the model in use on the test set (again), replacing any evaluation going on. */
    public void evaluate() {
        start(true);
    }

    /** Stops the evaluation going on; the last one stays. */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** Puts the image at {@code position} of the cell's gallery on the drawing canvas. */
    public void open(int position) {
        cellGallery.get().showOn(state.boardProperty().get(), position);
    }

    /** After a new model or data set (not during a run), evaluates once things have settled. */
    private void evaluateSoon() {
        if (state.trainingProperty().get() || autoPending) {
            return;
        }
        autoPending = true;
        later.execute(() -> {
            autoPending = false;
            if (!state.trainingProperty().get() && canEvaluate.get() && !evaluated()) {
                start(false);
            }
        });
    }

    /** Whether the evaluation shown is of the model and test set in use (as a run's own evaluation is). */
    private boolean evaluated() {
        TestEvaluation e = state.testEvaluationProperty().get();
        MnistData data = state.dataProperty().get();
        return e != null && e.network() == state.networkProperty().get() && data != null && e.images() == data.test();
    }

    private void start(boolean asked) {
        Network network = state.networkProperty().get();
        MnistData data = state.dataProperty().get();
        if (network == null || data == null) {
            summary.set(network == null ? "No model to evaluate: load or train one." : "No data set loaded.");
            return;
        }
        DataSet test = data.test();
        if (test.isEmpty()) {
            summary.set(data.source() + " has no test images.");
            return;
        }
        if (job != null) {
            job.cancel();
        }
        String name = state.modelNameProperty().get();
        running.set(true);
        progress.set(0);
        Jobs.Job next = new Jobs.Job();
        job = next;
        jobs.start(next, p -> {
            long start = System.nanoTime();
            ImageResults results = Evaluator.evaluateImages(network, test, (done, total) -> p.report((double) done / total));
            return new TestEvaluation(name, network, test, results, results.evaluation(), (System.nanoTime() - start) / 1e9);
        }, new Jobs.Outcome<>() {
            @Override
            public void progress(double fraction) {
                if (job == next) {
                    progress.set(fraction);
                }
            }

            @Override
            public void done(TestEvaluation value) {
                if (end(next)) {
                    state.testEvaluationProperty().set(value);
                }
            }

            @Override
            public void failed(Throwable problem) {
                if (end(next)) {
                    String message = Problems.describe(problem);
                    summary.set("Cannot evaluate " + name + ": " + message);
                    if (asked) {
                        feedback.error("Cannot evaluate the model", message);
                    }
                }
            }

            @Override
            public void cancelled() {
                if (end(next)) {
                    progress.set(0);
                }
            }
        });
    }

    /** Whether {@code finished} is the current job (then no job is current any more). */
    private boolean end(Jobs.Job finished) {
        if (finished != job) {
            return false;
        }
        job = null;
        running.set(false);
        progress.set(0);
        return true;
    }

    private void show(TestEvaluation e) {
        if (e == null) {
            evaluation.set(null);
            classRows.clear();
            return;
        }
        Evaluation ev = e.evaluation();
        evaluation.set(ev);
        accuracy.set(Texts.percent(ev.accuracy()));
        summary.set(String.format(Locale.ROOT, "%s: %s right (%s of %s test images) · %s", e.modelName(),
                Texts.percent2(ev.accuracy()), Texts.count(ev.correct()), Texts.count(ev.total()),
                Double.isNaN(e.seconds()) ? "evaluated at the end of the run" : String.format(Locale.ROOT, "evaluated in %.2f s", e.seconds())));
        List<ClassRow> rows = new ArrayList<>();
        for (int d = 0; d < ev.classes(); d++) {
            rows.add(new ClassRow(d, ev.actual(d), ev.precision(d), ev.recall(d), ev.f1(d)));
        }
        classRows.setAll(rows);
        showCell();
    }

    private void showCell() {
        TestEvaluation e = state.testEvaluationProperty().get();
        Cell cell = selectedCell.get();
        if (e == null || cell == null || cell.actual() >= e.evaluation().classes() || cell.guess() >= e.evaluation().classes()) {
            cellGallery.set(Gallery.empty(e == null ? "" : "Click a cell of the matrix to see its images here."));
            cellTitle.set("Images of a cell");
            return;
        }
        int[] images = e.results().cell(cell.actual(), cell.guess());
        cellGallery.set(new Gallery(e.images(), e.results(), images, "No test image is a " + cell.actual()
                + " read as " + cell.guess() + "."));
        cellTitle.set(describe(e.evaluation(), cell) + (images.length > 1 ? ", most confident first" : ""));
    }

    /** {@code "4 read as 9: 12 images (1.2% of the 4s)"}, or for the diagonal {@code "4 read right: ..."}. */
    static String describe(Evaluation e, Cell cell) {
        int count = e.confusion()[cell.actual()][cell.guess()];
        int row = e.actual(cell.actual());
        String what = cell.actual() == cell.guess() ? cell.actual() + " read right" : cell.actual() + " read as " + cell.guess();
        return String.format(Locale.ROOT, "%s: %s image%s (%s of the %ds)", what, Texts.count(count),
                count == 1 ? "" : "s", Texts.percent(row == 0 ? 0 : (double) count / row), cell.actual());
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The share of the test set read so far, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** {@code "bundled model (best, 99.0%): 98.96% right (9,896 of 10,000 test images) · evaluated in 0.21 s"}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The accuracy in large type: {@code 99.0%}. */
    public ReadOnlyStringProperty accuracyProperty() {
        return accuracy.getReadOnlyProperty();
    }

    /** One row per digit: images, precision, recall, F1. */
    public ObservableList<ClassRow> classRows() {
        return classRows;
    }

    /** The confusion matrix shown (null before the first evaluation). */
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** The cell chosen in the matrix (null: none). */
    public ObjectProperty<Cell> selectedCellProperty() {
        return selectedCell;
    }

    /** The images of the chosen cell. */
    public ReadOnlyObjectProperty<Gallery> cellGalleryProperty() {
        return cellGallery.getReadOnlyProperty();
    }

    /** What the chosen cell holds: {@code "4 read as 9: 12 images (1.2% of the 4s)"}. */
    public ReadOnlyStringProperty cellTitleProperty() {
        return cellTitle.getReadOnlyProperty();
    }

    /** Whether there is a model and a data set to evaluate. */
    public BooleanBinding canEvaluateProperty() {
        return canEvaluate;
    }
}
