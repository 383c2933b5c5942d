/**
 * The history of training runs: each finished run's settings, learning curve, results and model
 * kept in the user's data folder ({@link org.mnistrecognition.history.RunHistory}), so that runs can
 * be compared and their models reopened. The app's Train tab, the command line's {@code train} and
 * the fine-tunings on the user's handwriting all keep their runs here, with the same bounded curve
 * ({@link org.mnistrecognition.history.LearningCurve}); a run followed outside the app's window is
 * recorded by a {@link org.mnistrecognition.history.RunRecorder}. No JavaFX here.
 */
package org.mnistrecognition.history;
