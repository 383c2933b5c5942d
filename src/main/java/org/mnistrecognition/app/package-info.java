/**
 * The JavaFX desktop app: views in FXML with a view model per screen, over the same core as the command
 * line. {@link org.mnistrecognition.app.AppState} holds what the screens share.
 */
package org.mnistrecognition.app;
