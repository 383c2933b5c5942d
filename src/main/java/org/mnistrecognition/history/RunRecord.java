package org.mnistrecognition.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.mnistrecognition.training.TrainingResult;

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
 * @param source where it ran: {@value #APP} or {@value #COMMAND_LINE} ({@code ""} in records written
 *     before the command line kept its runs: the app)
 * @param tunedFrom for a fine-tuning of a trained model on the user's handwriting, the name of
 *     that model (e.g. {@code bundled model}); {@code ""} for a run that trained a network from its
 *     initial weights
 * @param checkpoint for a run stopped with its checkpoint kept to be resumed, that checkpoint's
 *     absolute path (the resumed run then replaces this record); {@code ""} otherwise
 */
public record RunRecord(int formatVersion, String id, String startedAt, String endedAt, String status, RunSettings settings,
                        long iterations, long totalIterations, double seconds, double testAccuracy,
                        double validationAccuracy, String dataSource, CostCurve curve, String model, String source,
                        String tunedFrom, String checkpoint) {
    /** The format this program writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** {@link #source()} of a run of the desktop app. */
    public static final String APP = "app";
    /** {@link #source()} of a run of the command line's {@code train}. */
    public static final String COMMAND_LINE = "command line";

    public RunRecord {
        startedAt = Objects.requireNonNullElse(startedAt, "");
        endedAt = Objects.requireNonNullElse(endedAt, "");
        status = Objects.requireNonNullElse(status, "");
        dataSource = Objects.requireNonNullElse(dataSource, "");
        curve = Objects.requireNonNullElse(curve, CostCurve.empty());
        model = Objects.requireNonNullElse(model, "");
        source = Objects.requireNonNullElse(source, "");
        tunedFrom = Objects.requireNonNullElse(tunedFrom, "");
        checkpoint = Objects.requireNonNullElse(checkpoint, "");
    }

    /**
     * The record of a run that ended as {@code result} says, before the history gives it an id and
     * a model file.
     *
     * @param curve its learning curve (see {@link LearningCurve#toCostCurve()})
     * @param totalIterations the samples it was set to train
     * @param dataSource the data set it trained on
     * @param source {@link #APP} or {@link #COMMAND_LINE}
     */
    public static RunRecord of(TrainingResult result, CostCurve curve, long totalIterations, Instant startedAt,
                               Instant endedAt, String dataSource, String source) {
        return new RunRecord(FORMAT_VERSION, "", startedAt.toString(), endedAt.toString(),
                result.status().name().toLowerCase(Locale.ROOT), RunSettings.of(result.config()), result.iterations(),
                totalIterations, result.seconds(), result.test().total() > 0 ? result.test().accuracy() : Double.NaN,
                result.validationAccuracy(), dataSource, curve, "", source, "", "");
    }

    /** This record under another id (the history picks a free one). */
    public RunRecord withId(String newId) {
        return new RunRecord(formatVersion, newId, startedAt, endedAt, status, settings, iterations, totalIterations, seconds,
                testAccuracy, validationAccuracy, dataSource, curve, model, source, tunedFrom, checkpoint);
    }

    /** This record naming another model file. */
    public RunRecord withModel(String file) {
        return new RunRecord(formatVersion, id, startedAt, endedAt, status, settings, iterations, totalIterations, seconds,
                testAccuracy, validationAccuracy, dataSource, curve, file, source, tunedFrom, checkpoint);
    }

    /** This record as the fine-tuning of the model called {@code model}. */
    public RunRecord withTunedFrom(String model) {
        return new RunRecord(formatVersion, id, startedAt, endedAt, status, settings, iterations, totalIterations, seconds,
                testAccuracy, validationAccuracy, dataSource, curve, this.model, source, model, checkpoint);
    }

    /** This record as a stopped run that can be resumed from {@code file} (null: none). */
    public RunRecord withCheckpoint(Path file) {
        return new RunRecord(formatVersion, id, startedAt, endedAt, status, settings, iterations, totalIterations, seconds,
                testAccuracy, validationAccuracy, dataSource, curve, model, source, tunedFrom, checkpointKey(file));
    }

    /**
     * This record, of a run resumed from a checkpoint, as the whole run: started when
     * {@code earlier} (the record of the run's part before it stopped) started, with the
     * earlier part's curve before its own.
     */
    public RunRecord continuing(RunRecord earlier) {
        return new RunRecord(formatVersion, id, earlier.startedAt, endedAt, status, settings, iterations, totalIterations,
                seconds, testAccuracy, validationAccuracy, dataSource, earlier.curve.followedBy(curve), model, source,
                tunedFrom, checkpoint);
    }

    /** Whether this is the fine-tuning of a trained model rather than a run from initial weights. */
    public boolean isFineTune() {
        return !tunedFrom.isEmpty();
    }

    /** What ran: {@code fine-tune of bundled model} for a fine-tuning, else the preset. */
    public String what() {
        return isFineTune() ? "fine-tune of " + tunedFrom : settings == null ? "" : settings.preset();
    }

    /** Where it ran, {@value #APP} or {@value #COMMAND_LINE} (records from before the command line kept its runs: the app). */
    public String ranIn() {
        return source.isEmpty() ? APP : source;
    }

    /** Training speed, samples per second (0 when unknown). */
    public double samplesPerSecond() {
        return seconds > 0 ? iterations / seconds : 0;
    }

    /** How {@link #checkpoint()} names {@code file}: its absolute, normalised path ({@code ""} for null). */
    public static String checkpointKey(Path file) {
        return file == null ? "" : file.toAbsolutePath().normalize().toString();
    }
}
