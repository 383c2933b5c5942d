package org.mnistrecognition.app.evaluate;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Cells;
import org.mnistrecognition.app.Dialogs;
import org.mnistrecognition.app.PictureExport;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.app.evaluate.TestEvaluationViewModel.ClassRow;

/** The test evaluation screen's FXML controller: binds its controls to a {@link TestEvaluationViewModel}. */
public final class TestEvaluationView {
    private final TestEvaluationViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Button evaluate;
    @FXML private Button cancel;
    @FXML private ProgressBar progress;
    @FXML private Label accuracy;
    @FXML private Label summary;
    @FXML private ConfusionHeatMap heatMap;
    @FXML private TableView<ClassRow> classes;
    @FXML private TableColumn<ClassRow, Integer> digitColumn;
    @FXML private TableColumn<ClassRow, Integer> imagesColumn;
    @FXML private TableColumn<ClassRow, Double> precisionColumn;
    @FXML private TableColumn<ClassRow, Double> recallColumn;
    @FXML private TableColumn<ClassRow, Double> f1Column;
    @FXML private Label cellTitle;
    @FXML private ImageGallery cellGallery;

    public TestEvaluationView(AppState state) {
        this.viewModel = new TestEvaluationViewModel(state);
    }

    public TestEvaluationViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        viewModel.setFeedback(Dialogs.feedback(root));
        evaluate.disableProperty().bind(viewModel.canEvaluateProperty().not());
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        accuracy.textProperty().bind(viewModel.accuracyProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        heatMap.evaluationProperty().bind(viewModel.evaluationProperty());
        heatMap.selectedProperty().bindBidirectional(viewModel.selectedCellProperty());
        classes.setItems(viewModel.classRows());
        digitColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().digit()));
        imagesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().images()));
        precisionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().precision()));
        recallColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().recall()));
        f1Column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().f1()));
        imagesColumn.setCellFactory(c -> Cells.formatted(v -> Texts.count(v)));
        precisionColumn.setCellFactory(c -> Cells.formatted(Texts::percent));
        recallColumn.setCellFactory(c -> Cells.formatted(Texts::percent));
        f1Column.setCellFactory(c -> Cells.formatted(v -> Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–"));
        cellTitle.textProperty().bind(viewModel.cellTitleProperty());
        cellGallery.galleryProperty().bind(viewModel.cellGalleryProperty());
        cellGallery.setOnOpen(viewModel::open);
        PictureExport.install(heatMap, "confusion-matrix");
        PictureExport.install(cellGallery, "cell-images");
    }

    @FXML
    private void evaluate() {
        viewModel.evaluate();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    /** The heat map, for tests. */
    ConfusionHeatMap heatMap() {
        return heatMap;
    }

    /** The gallery of the chosen cell, for tests. */
    ImageGallery cellGallery() {
        return cellGallery;
    }
}
