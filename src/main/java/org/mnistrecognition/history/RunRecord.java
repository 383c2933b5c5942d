package org.mnistrecognition.history;

import java.util.Objects;

/**
 * One training run as the history keeps it, in {@value RunHistory#RECORD} beside its model file.
 *
 * @param formatVersion the record format, {@value #FORMAT_VERSION}
 * @param id the run's folder name, unique in its history, e.g. {@code 2025-05-01_14-03-09_seed}
 * @param startedAt when training started, ISO-8601
 * @param endedAt when it ended, ISO-8601
 * @param status {@code completed}, {@code cancelled} or {@code diverged}
 * @param settings what it ran
 * @param iterations samples trained
 * @param totalIterations samples it was set to train
 * @param seconds training time, pauses excluded
 * @param testAccuracy accuracy on the test set at the end (0 to 1; NaN without a test set)
 * @param validationAccuracy accuracy on the validation set at the end (NaN without one)
 * @param dataSource the data set it trained on (a path)
 * @param curve its learning curve, at most {@link CostCurve#MAX_POINTS} points
 * @param model the model file's name in the run's folder
 */
public record RunRecord(int formatVersion, String id, String startedAt, String endedAt, String status, RunSettings settings,
                        long iterations, long totalIterations, double seconds, double testAccuracy,
                        double validationAccuracy, String dataSource, CostCurve curve, String model) {
    /** The format this program writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public RunRecord {
        startedAt = Objects.requireNonNullElse(startedAt, "");
        endedAt = Objects.requireNonNullElse(endedAt, "");
        status = Objects.requireNonNullElse(status, "");
        dataSource = Objects.requireNonNullElse(dataSource, "");
        curve = Objects.requireNonNullElse(curve, CostCurve.empty());
        model = Objects.requireNonNullElse(model, "");
    }

    /** This record under another id (the history picks a free one). */
    public RunRecord withId(String newId) {
        return new RunRecord(formatVersion, newId, startedAt, endedAt, status, settings, iterations, totalIterations, seconds,
                testAccuracy, validationAccuracy, dataSource, curve, model);
    }

    /** This record naming another model file. */
    public RunRecord withModel(String file) {
        return new RunRecord(formatVersion, id, startedAt, endedAt, status, settings, iterations, totalIterations, seconds,
                testAccuracy, validationAccuracy, dataSource, curve, file);
    }

    /** Training speed, samples per second (0 when unknown). */
    public double samplesPerSecond() {
        return seconds > 0 ? iterations / seconds : 0;
    }
}
