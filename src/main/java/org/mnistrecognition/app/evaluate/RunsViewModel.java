package org.mnistrecognition.app.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.mnistrecognition.Problems;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Jobs;
import org.mnistrecognition.app.Feedback;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.app.training.FinishedRun;
import org.mnistrecognition.history.CostCurve;
import org.mnistrecognition.history.RunHistory;
import org.mnistrecognition.history.RunRecord;
import org.mnistrecognition.training.TrainingResult;

/**
 * The runs screen's state and commands: the history of training runs (each finished run is
 * saved with its model as it ends), the runs chosen in it with their curves overlaid, and
 * reopening a run's model as the app's model. Files are read and written in the background.
 * Touches no control.
 */
public final class RunsViewModel {
    /** What the chart plots of each chosen run. */
    public enum Plot {
        COST("cost (moving average)"),
        ACCURACY("validation accuracy");

        private final String text;

        Plot(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * One run's line in the chart.
     *
     * @param name the legend's text
     * @param x iterations; {@code n}
     * @param y the plotted value at each; {@code n}
     */
    public record Line(String name, long[] x, double[] y) {
    }

    /** Opens a model file as the app's model, calling it {@code label}. */
    @FunctionalInterface
    public interface ModelOpener {
        void open(Path file, String label);
    }

    /** The most runs overlaid at once. */
    public static final int MAX_LINES = 8;
    /** The samples after which a moving average counts for the chart's scale (its first values are a few samples'). */
    static final long SETTLED = 500;

    private final RunHistory history;
    private final Jobs jobs;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> selected = FXCollections.observableArrayList();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObjectProperty<Plot> plot = new SimpleObjectProperty<>(this, "plot", Plot.COST);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyDoubleWrapper yMax = new ReadOnlyDoubleWrapper(this, "yMax", 1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanProperty modelChangeAllowed = new SimpleBooleanProperty(this, "modelChangeAllowed", true);
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final BooleanBinding canOpen;
    private final BooleanBinding canDelete;
    private Feedback feedback = Feedback.NONE;
    private ModelOpener opener = (file, label) -> { };
    private int pendingFiles;

    /** A view model on the history in the app's user folders, working on daemon threads. */
    public RunsViewModel(AppState state) {
        this(new RunHistory(state.folders().runs()), Jobs.inOrder("run history"));
    }

    RunsViewModel(RunHistory history, Jobs jobs) {
        this.history = history;
        this.jobs = jobs;
        canOpen = Bindings.createBooleanBinding(() -> selected.size() == 1 && modelChangeAllowed.get() && !busy.get(),
                selected, modelChangeAllowed, busy);
        canDelete = Bindings.createBooleanBinding(() -> !selected.isEmpty() && !busy.get(), selected, busy);
        selected.addListener((ListChangeListener<RunRecord>) c -> updateLines());
        plot.addListener(x -> updateLines());
        runs.addListener((ListChangeListener<RunRecord>) c -> updateSummary());
        shown.addListener((obs, was, is) -> {
            if (is) {
                refresh();
            }
        });
        updateSummary();
    }

    /**
     * Whether the runs are in view: coming into view reads the history again, which shows the runs
     * the command line kept meanwhile.
     */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public void setFeedback(Feedback feedback) {
        this.feedback = feedback == null ? Feedback.NONE : feedback;
    }

    /** How "Open model" opens a run's model in the app. */
    public void setModelOpener(ModelOpener opener) {
        this.opener = opener == null ? (file, label) -> { } : opener;
    }

    /** Saves every run that {@code finished} reports from now on (the Train tab's runs, the fine-tunings). */
    public void watch(ReadOnlyObjectProperty<FinishedRun> finished) {
        finished.addListener((obs, old, run) -> {
            if (run != null) {
                record(run);
            }
        });
    }

    /** Reads the history again. */
    public void refresh() {
        working(+1);
        jobs.start(p -> history.list(), new Jobs.Outcome<RunHistory.Listing>() {
            @Override
            public void done(RunHistory.Listing listing) {
                working(-1);
                List<String> keep = ids(selected);
                runs.setAll(listing.runs());
                selected.setAll(listing.runs().stream().filter(r -> keep.contains(r.id())).toList());
                if (!listing.problems().isEmpty()) {
                    feedback.error("Some runs cannot be read", String.join("\n", listing.problems()));
                }
            }

            @Override
            public void failed(Throwable problem) {
                working(-1);
                feedback.error("Cannot read the run history", Texts.problem(history.folder(), problem));
            }
        });
    }

    /**
     * Saves a finished run (its settings, curve, results and model) to the history, then lists it
     * first; a resumed run replaces the record of its part before the stop, if the history has it.
     */
    public void record(FinishedRun run) {
        TrainingResult res = run.result();
        RunRecord draft = RunRecord.of(res, run.curve(), run.totalIterations(), run.startedAt(), run.endedAt(),
                run.dataSource(), RunRecord.APP).withTunedFrom(run.tunedFrom());
        working(+1);
        jobs.start(p -> history.add(draft, res, run.resumedFrom()),
                new Jobs.Outcome<RunRecord>() {
                    @Override
                    public void done(RunRecord saved) {
                        working(-1);
                        if (run.resumedFrom() != null) {
                            // the record of the run's part before the stop may be gone too: read the history again
                            refresh();
                        } else {
                            runs.removeIf(r -> r.id().equals(saved.id()));
                            runs.add(0, saved);
                        }
                    }

                    @Override
                    public void failed(Throwable problem) {
                        working(-1);
                        feedback.error("Cannot keep the run in the history", Problems.describe(problem));
                    }
                });
    }

    /** Opens the chosen run's model as the app's model. */
    public void openSelected() {
        if (!canOpen.get()) {
            return;
        }
        RunRecord run = selected.get(0);
        opener.open(history.modelFile(run), "run of " + started(run) + " (" + run.what() + ")");
    }

    /** Deletes the chosen runs and their models from the history. */
    public void deleteSelected() {
        List<RunRecord> doomed = new ArrayList<>(selected);
        if (doomed.isEmpty()) {
            return;
        }
        working(+1);
        jobs.start(p -> {
            for (RunRecord r : doomed) {
                history.delete(r);
            }
            return doomed;
        }, new Jobs.Outcome<List<RunRecord>>() {
            @Override
            public void done(List<RunRecord> deleted) {
                working(-1);
                selected.removeAll(deleted);
                runs.removeAll(deleted);
            }

            @Override
            public void failed(Throwable problem) {
                working(-1);
                feedback.error("Cannot delete the run", Problems.describe(problem));
                refresh();
            }
        });
    }

    private void working(int change) {
        pendingFiles += change;
        busy.set(pendingFiles > 0);
    }

    private void updateLines() {
        List<Line> next = new ArrayList<>();
        for (RunRecord r : selected) {
            if (next.size() == MAX_LINES) {
                break;
            }
            CostCurve c = r.curve();
            String name = started(r) + " · " + r.what() + " · " + Texts.percent(r.testAccuracy());
            if (plot.get() == Plot.ACCURACY) {
                next.add(new Line(name, c.checkpoints(), c.accuracy()));
            } else {
                next.add(new Line(name, c.iterations(), c.cost()));
            }
        }
        lines.setAll(next);
        yMax.set(plot.get() == Plot.ACCURACY ? 1 : costCeiling(next));
    }

    /**
     * The top of the cost axis: the largest cost once the averages have settled, rounded up to 1, 2
     * or 5 times a power of ten (the first samples' cost, often far higher, would flatten the rest).
     */
    static double costCeiling(List<Line> lines) {
        double max = 0;
        double any = 0;
        for (Line line : lines) {
            for (int i = 0; i < line.x().length; i++) {
                double y = line.y()[i];
                if (Double.isFinite(y)) {
                    any = Math.max(any, y);
                    if (line.x()[i] > SETTLED) {
                        max = Math.max(max, y);
                    }
                }
            }
        }
        double top = (max > 0 ? max : any) * 1.1;
        if (!(top > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(top)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= top) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private void updateSummary() {
        summary.set(runs.isEmpty() ? "No runs yet: every training run (of the app or the command line) and every"
                + " fine-tuning is kept here when it ends, with its model. ("
                + Texts.folder(history.folder()) + ")"
                : Texts.count(runs.size()) + " run" + (runs.size() == 1 ? "" : "s") + " in " + Texts.folder(history.folder())
                + ". Choose runs (Ctrl+click) to overlay their curves.");
    }

    private static List<String> ids(List<RunRecord> records) {
        return records.stream().map(RunRecord::id).toList();
    }

    /** When a run started, in local time: {@code 2025-05-01 14:03}. */
    public static String started(RunRecord run) {
        return Texts.dateTime(run.startedAt());
    }

    /** Every run of the history, newest first. */
    public ObservableList<RunRecord> runs() {
        return runs;
    }

    /** The runs chosen in the table (the view keeps it up to date). */
    public ObservableList<RunRecord> selected() {
        return selected;
    }

    /** The chosen runs' lines, at most {@link #MAX_LINES}. */
    public ObservableList<Line> lines() {
        return lines;
    }

    /** The top of the chart's value axis (its bottom is 0). */
    public ReadOnlyDoubleProperty yMaxProperty() {
        return yMax.getReadOnlyProperty();
    }

    public ObjectProperty<Plot> plotProperty() {
        return plot;
    }

    /** How many runs there are and where they are kept. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether a file of the history is being read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the app's model may be changed now (no run going, no file being read): set by the main window. */
    public BooleanProperty modelChangeAllowedProperty() {
        return modelChangeAllowed;
    }

    /** Whether "Open model" applies: one run chosen, and the model may change. */
    public BooleanBinding canOpenProperty() {
        return canOpen;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }
}
