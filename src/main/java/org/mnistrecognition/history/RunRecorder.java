package org.mnistrecognition.history;

import java.time.Instant;
import org.mnistrecognition.training.Checkpoint;
import org.mnistrecognition.training.TrainingListener;
import org.mnistrecognition.training.TrainingResult;

/**
 * Follows a run as a {@link TrainingListener} (on the training thread) and keeps its
 * {@link LearningCurve}, for the record its history keeps once it ends: how the command line and a
 * fine-tuning keep the same curve as the app's Train tab, which feeds its own curve from the window.
 * Read it ({@link #record}) only after the run has ended, on the thread that ran it or one that
 * waited for it.
 */
public final class RunRecorder implements TrainingListener {
    private final LearningCurve curve;
    private final Instant startedAt;

    /**
     * A recorder for a run of {@code totalIterations} samples starting now, after {@code startAt}
     * of them (0, or where a resumed run had stopped).
     */
    public RunRecorder(long totalIterations, long startAt) {
        this.curve = new LearningCurve(totalIterations, startAt);
        this.startedAt = Instant.now();
    }

    @Override
    public void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
        curve.add(cost);
    }

    @Override
    public void checkpoint(Checkpoint checkpoint) {
        curve.checkpoint(checkpoint.iteration(), checkpoint.validationAccuracy());
    }

    /** The curve so far. */
    public LearningCurve curve() {
        return curve;
    }

    /** When the run started (when this recorder was made). */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * The record of the run that ended as {@code result} says, now, having trained on
     * {@code dataSource}, run in {@code source} ({@link RunRecord#APP} or {@link RunRecord#COMMAND_LINE}).
     */
    public RunRecord record(TrainingResult result, String dataSource, String source) {
        return RunRecord.of(result, curve.toCostCurve(), curve.totalIterations(), startedAt, Instant.now(), dataSource,
                source);
    }
}
