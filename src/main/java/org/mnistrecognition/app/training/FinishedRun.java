package org.mnistrecognition.app.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.mnistrecognition.history.CostCurve;
import org.mnistrecognition.training.TrainingResult;

/**
 * A run of the app that has ended (on the Train tab, or a fine-tuning on "Your handwriting"), with
 * what its history keeps of it.
 *
 * @param result how it ended: the network, configuration and results
 * @param curve its learning curve as the chart showed it
 * @param totalIterations the samples it was set to train
 * @param startedAt when it started
 * @param endedAt when it ended
 * @param dataSource the data set it trained on
 * @param tunedFrom for a fine-tuning, the name of the model it tuned; {@code ""} for a run of the Train tab
 * @param resumedFrom the checkpoint a resumed run went on from, or null
 */
public record FinishedRun(TrainingResult result, CostCurve curve, long totalIterations, Instant startedAt, Instant endedAt,
                          String dataSource, String tunedFrom, Path resumedFrom) {
    public FinishedRun {
        tunedFrom = Objects.requireNonNullElse(tunedFrom, "");
    }
}
