package org.mnistrecognition.app.training;

import java.time.Instant;
import org.mnistrecognition.history.CostCurve;
import org.mnistrecognition.training.TrainingResult;

/**
 * A run of the training pane that has ended, with what its history keeps of it.
 *
 * @param result how it ended: the network, configuration and results
 * @param curve its learning curve as the chart showed it
 * @param totalIterations the samples it was set to train
 * @param startedAt when it started
 * @param endedAt when it ended
 * @param dataSource the data set it trained on
 */
public record FinishedRun(TrainingResult result, CostCurve curve, long totalIterations, Instant startedAt, Instant endedAt,
                          String dataSource) {
}
