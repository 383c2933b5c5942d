package org.mnistrecognition.app.evaluate;

import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Dialogs;
import org.mnistrecognition.app.PictureExport;

/** The handwriting screen's FXML controller: binds its controls to a {@link HandwritingViewModel}. */
public final class HandwritingView {
    private final HandwritingViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private HBox digits;
    @FXML private CheckBox clearAfter;
    @FXML private Label counts;
    @FXML private Label reading;
    @FXML private Spinner<Integer> epochs;
    @FXML private Button tune;
    @FXML private Button stopTune;
    @FXML private ProgressBar tuneProgress;
    @FXML private Label tuneText;
    @FXML private Button remove;
    @FXML private ImageGallery gallery;
    @FXML private Label folder;

    public HandwritingView(AppState state) {
        this.viewModel = new HandwritingViewModel(state);
    }

    public HandwritingViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        viewModel.setFeedback(Dialogs.feedback(root));
        for (Node button : digits.getChildren()) {
            button.disableProperty().bind(viewModel.canSaveProperty().not());
        }
        clearAfter.selectedProperty().bindBidirectional(viewModel.clearAfterSavingProperty());
        counts.textProperty().bind(viewModel.countsProperty());
        reading.textProperty().bind(viewModel.readingProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 20,
                viewModel.epochsProperty().get());
        epochs.setValueFactory(factory);
        factory.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.epochsProperty().set(now);
            }
        });
        epochs.disableProperty().bind(viewModel.tuningProperty());
        tune.disableProperty().bind(viewModel.canTuneProperty().not());
        stopTune.disableProperty().bind(viewModel.tuningProperty().not());
        tuneProgress.progressProperty().bind(viewModel.tuneProgressProperty());
        tuneProgress.visibleProperty().bind(viewModel.tuningProperty());
        tuneText.textProperty().bind(viewModel.tuneTextProperty());
        gallery.galleryProperty().bind(viewModel.galleryProperty());
        gallery.setOnOpen(viewModel::open);
        gallery.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                remove();
            }
        });
        remove.disableProperty().bind(gallery.selectedProperty().lessThan(0));
        folder.setText("Kept in " + viewModel.folder());
        PictureExport.install(gallery, "your-digits");
        viewModel.load();
    }

    @FXML
    private void saveDigit(ActionEvent e) {
        viewModel.save(Integer.parseInt(String.valueOf(((Node) e.getSource()).getUserData())));
    }

    @FXML
    private void fineTune() {
        viewModel.fineTune();
    }

    @FXML
    private void stopFineTune() {
        viewModel.cancelFineTune();
    }

    @FXML
    private void remove() {
        int position = gallery.selectedProperty().get();
        if (position >= 0) {
            viewModel.remove(position);
        }
    }
}
