/**
 * The Evaluate part of the main window: the test evaluation (accuracy, per-class precision and
 * recall, a confusion heat map whose cells open their images), the mistakes gallery, the first
 * layer's weights, the history of runs, and the person's own handwriting. Views in FXML with a view
 * model per screen; the work is done in background tasks by the core.
 */
package org.mnistrecognition.app.evaluate;
