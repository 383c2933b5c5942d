package org.mnistrecognition.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** The dialogs and notifications of the app's views (views only; view models use {@link Feedback}). */
public final class Dialogs {
    /** The Save button of the save-before-closing question. */
    public static final ButtonType SAVE = new ButtonType("Save…", ButtonBar.ButtonData.YES);
    /** The Discard button of the save-before-closing question. */
    public static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    /** The Resume button of the interrupted-run question. */
    public static final ButtonType RESUME = new ButtonType("Resume", ButtonBar.ButtonData.YES);
    /** The Later button of the interrupted-run question: keep the checkpoint, ask again next time. */
    public static final ButtonType LATER = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);

    private Dialogs() {
    }

    /** Feedback shown over the window holding {@code anchor}: errors in a dialog, news in a notification. */
    public static Feedback feedback(Node anchor) {
        return new Feedback() {
            @Override
            public void error(String title, String message) {
                Dialogs.error(window(anchor), title, message);
            }

            @Override
            public void info(String title, String message) {
                Window w = window(anchor);
                if (w != null && w.isShowing()) {
                    Notifications.create().title(title).text(message).hideAfter(Duration.seconds(8)).owner(w)
                            .showInformation();
                }
            }
        };
    }

    /** Shows an error dialog (not waiting for it: the FX thread never waits). */
    public static void error(Window owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().getStyleClass().add("error-dialog");
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.show();
    }

    /** Asks to confirm {@code question} (OK or Cancel); true for OK. */
    public static boolean confirm(Window owner, String question, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(question);
        alert.setHeaderText(question);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** Asks whether to save the trained model before closing: {@link #SAVE}, {@link #DISCARD} or Cancel. */
    public static Optional<ButtonType> askSave(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, SAVE, DISCARD, ButtonType.CANCEL);
        alert.setTitle("Save the trained model?");
        alert.setHeaderText("Save the trained model?");
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        return alert.showAndWait();
    }

    /** Asks whether to resume an interrupted run: {@link #RESUME}, {@link #DISCARD} or {@link #LATER}. */
    public static Optional<ButtonType> askResume(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, RESUME, DISCARD, LATER);
        alert.setTitle("Resume the interrupted run?");
        alert.setHeaderText("A training run was interrupted");
        alert.getDialogPane().getStyleClass().add("resume-dialog");
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        return alert.showAndWait();
    }

    private static Window window(Node anchor) {
        return anchor.getScene() == null ? null : anchor.getScene().getWindow();
    }

    /**
     * Asks where to save a file: a save dialog titled {@code title} showing {@code filter}'s files,
     * opening in {@code folder} if there is one, with {@code name} filled in. A name typed without
     * an extension gets the filter's first one.
     *
     * @return the file chosen, or empty if the dialog was cancelled
     */
    public static Optional<Path> saveFile(Window owner, String title, FileChooser.ExtensionFilter filter, String name,
                                          Optional<File> folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        chooser.setInitialFileName(name);
        folder.ifPresent(chooser::setInitialDirectory);
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        String extension = filter.getExtensions().get(0).replace("*", "");
        return Optional.of(file.getName().contains(".") ? file.toPath() : file.toPath().resolveSibling(file.getName() + extension));
    }
}
