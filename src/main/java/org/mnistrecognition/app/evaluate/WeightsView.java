package org.mnistrecognition.app.evaluate;

import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.PictureExport;
import org.mnistrecognition.app.Throttle;

/**
 * The weights screen's FXML controller: binds its controls to a {@link WeightsViewModel}; the
 * grid is redrawn at most {@value #REDRAWS_PER_SECOND} times a second while a run trains.
 */
public final class WeightsView {
    static final int REDRAWS_PER_SECOND = 4;

    private final WeightsViewModel viewModel;
    private final Throttle redraws = new Throttle(1000 / REDRAWS_PER_SECOND, this::show);

    @FXML private BorderPane root;
    @FXML private ComboBox<WeightImages.Scale> scale;
    @FXML private ComboBox<Integer> zoom;
    @FXML private Label summary;
    @FXML private Label unitText;
    @FXML private WeightGrid grid;
    @FXML private ImageView unitPicture;

    public WeightsView(AppState state) {
        this.viewModel = new WeightsViewModel(state);
    }

    public WeightsViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        scale.setItems(FXCollections.observableArrayList(WeightImages.Scale.values()));
        scale.valueProperty().bindBidirectional(viewModel.scaleProperty());
        zoom.setItems(FXCollections.observableArrayList(0, 1, 2, 3, 4));
        zoom.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer z) {
                return z == null ? "" : z == 0 ? "fit" : z + "×";
            }

            @Override
            public Integer fromString(String text) {
                return "fit".equals(text) ? 0 : Integer.parseInt(text.replace("×", "").trim());
            }
        });
        zoom.setValue(0);
        grid.zoomProperty().bind(zoom.valueProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        unitText.textProperty().bind(viewModel.unitTextProperty());
        viewModel.weightsProperty().addListener(x -> redraws.request());
        viewModel.messageProperty().addListener(x -> grid.setPlaceholder(viewModel.messageProperty().get()));
        grid.setPlaceholder(viewModel.messageProperty().get());
        grid.selectedProperty().bindBidirectional(viewModel.selectedUnitProperty());
        viewModel.selectedUnitProperty().addListener(x -> showUnit());
        unitPicture.visibleProperty().bind(unitPicture.imageProperty().isNotNull());
        unitPicture.managedProperty().bind(unitPicture.visibleProperty());
        show();
        PictureExport.install(grid, "weights");
    }

    private void show() {
        grid.weightsProperty().set(viewModel.weightsProperty().get());
        showUnit();
    }

    /** The chosen unit's picture, larger. */
    private void showUnit() {
        WeightImages w = viewModel.weightsProperty().get();
        int unit = viewModel.selectedUnitProperty().get();
        if (w == null || unit < 0 || unit >= w.units()) {
            unitPicture.setImage(null);
            return;
        }
        WritableImage image = new WritableImage(w.cols(), w.rows());
        int base = unit * w.rows() * w.cols();
        for (int r = 0; r < w.rows(); r++) {
            for (int c = 0; c < w.cols(); c++) {
                image.getPixelWriter().setArgb(c, r, DivergingColours.argb(w.values()[base + r * w.cols() + c]));
            }
        }
        unitPicture.setImage(image);
    }
}
