package org.mnistrecognition.app;

import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.Evaluation;
import org.mnistrecognition.training.ImageResults;
import org.mnistrecognition.training.TrainingResult;

/**
 * A model's evaluation on a test set, shared by the evaluation screens.
 *
 * @param modelName what the status bar called the model, e.g. "bundled model (best, 99.0%)"
 * @param network the model evaluated (never modified)
 * @param images the test images, in the order of {@code results}
 * @param results what the model made of each image
 * @param evaluation the confusion matrix of {@code results}
 * @param seconds how long the evaluation took, NaN if a training run made it on its way
 */
public record TestEvaluation(String modelName, Network network, DataSet images, ImageResults results, Evaluation evaluation,
                             double seconds) {

    /**
     * The evaluation a training run made of its network on {@code test} on its way (each test
     * image's results are in the run's result), so that nothing evaluates it again; null if the
     * run had no test images.
     */
    public static TestEvaluation ofRun(String modelName, TrainingResult run, DataSet test) {
        return run.testImages() == null ? null
                : new TestEvaluation(modelName, run.network(), test, run.testImages(), run.test(), Double.NaN);
    }
}
