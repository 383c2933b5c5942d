package org.mnistrecognition.app.evaluate;

import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.PictureExport;

/** The mistakes screen's FXML controller: binds its controls to a {@link MistakesViewModel}. */
public final class MistakesView {
    private final MistakesViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Label summary;
    @FXML private ComboBox<String> digit;
    @FXML private ImageGallery gallery;

    public MistakesView(AppState state) {
        this.viewModel = new MistakesViewModel(state);
    }

    public MistakesViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(viewModel.summaryProperty());
        digit.setItems(viewModel.digitChoices());
        digit.valueProperty().bindBidirectional(viewModel.digitProperty());
        gallery.galleryProperty().bind(viewModel.galleryProperty());
        gallery.setOnOpen(viewModel::open);
        PictureExport.install(gallery, "mistakes");
    }
}
