/**
 * The history of training runs: each finished run's settings, learning curve, results and model
 * kept in the user's data folder ({@link org.mnistrecognition.history.RunHistory}), so that runs can
 * be compared and their models reopened. No JavaFX here.
 */
package org.mnistrecognition.history;
