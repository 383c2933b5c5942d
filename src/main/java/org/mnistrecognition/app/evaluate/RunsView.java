package org.mnistrecognition.app.evaluate;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Cells;
import org.mnistrecognition.app.Dialogs;
import org.mnistrecognition.app.PictureExport;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.history.RunRecord;

/**
 * The runs screen's FXML controller: the history in a table (several rows can be chosen), the
 * chosen runs' curves overlaid in a chart, and the buttons; bound to a {@link RunsViewModel}.
 */
public final class RunsView {
    private final RunsViewModel viewModel;
    private boolean syncing;

    @FXML private BorderPane root;
    @FXML private Button open;
    @FXML private Button delete;
    @FXML private Button refresh;
    @FXML private ComboBox<RunsViewModel.Plot> plot;
    @FXML private Label summary;
    @FXML private TableView<RunRecord> table;
    @FXML private TableColumn<RunRecord, String> startedColumn;
    @FXML private TableColumn<RunRecord, String> whatColumn;
    @FXML private TableColumn<RunRecord, String> sourceColumn;
    @FXML private TableColumn<RunRecord, String> layersColumn;
    @FXML private TableColumn<RunRecord, Long> trainedColumn;
    @FXML private TableColumn<RunRecord, Double> timeColumn;
    @FXML private TableColumn<RunRecord, Double> accuracyColumn;
    @FXML private TableColumn<RunRecord, String> statusColumn;
    @FXML private LineChart<Number, Number> chart;
    @FXML private NumberAxis yAxis;
    @FXML private Label chartHint;

    public RunsView(AppState state) {
        this.viewModel = new RunsViewModel(state);
    }

    public RunsViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        viewModel.setFeedback(Dialogs.feedback(root));
        open.disableProperty().bind(viewModel.canOpenProperty().not());
        delete.disableProperty().bind(viewModel.canDeleteProperty().not());
        refresh.disableProperty().bind(viewModel.busyProperty());
        plot.setItems(FXCollections.observableArrayList(RunsViewModel.Plot.values()));
        plot.valueProperty().bindBidirectional(viewModel.plotProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        table.setItems(viewModel.runs());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) c -> {
            if (!syncing) {
                syncing = true;
                viewModel.selected().setAll(table.getSelectionModel().getSelectedItems());
                syncing = false;
            }
        });
        viewModel.selected().addListener((ListChangeListener<RunRecord>) c -> {
            if (!syncing) {
                syncing = true;
                table.getSelectionModel().clearSelection();
                for (RunRecord r : viewModel.selected()) {
                    table.getSelectionModel().select(r);
                }
                syncing = false;
            }
        });
        startedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(RunsViewModel.started(c.getValue())));
        whatColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().what()));
        sourceColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().ranIn()));
        layersColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().settings().describeLayers()));
        trainedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().iterations()));
        timeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().seconds()));
        accuracyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().testAccuracy()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        whatColumn.setCellFactory(c -> Cells.withTooltip());
        trainedColumn.setCellFactory(c -> Cells.formatted(v -> Texts.count(v)));
        timeColumn.setCellFactory(c -> Cells.formatted(Texts::duration));
        accuracyColumn.setCellFactory(c -> Cells.formatted(Texts::percent2));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                delete();
            } else if (e.getCode() == KeyCode.ENTER) {
                viewModel.openSelected();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                viewModel.openSelected();
            }
        });
        viewModel.lines().addListener((ListChangeListener<RunsViewModel.Line>) c -> showLines());
        viewModel.plotProperty().addListener(x -> yAxis.setLabel(viewModel.plotProperty().get() == RunsViewModel.Plot.ACCURACY
                ? "validation accuracy" : "cost"));
        chart.setLegendVisible(true);
        yAxis.setAutoRanging(false);
        yAxis.setLowerBound(0);
        yAxis.upperBoundProperty().bind(viewModel.yMaxProperty());
        yAxis.tickUnitProperty().bind(viewModel.yMaxProperty().divide(5));
        chartHint.visibleProperty().bind(Bindings.isEmpty(viewModel.lines()));
        PictureExport.install(chart, "runs");
        viewModel.refresh();
    }

    private void showLines() {
        chart.getData().clear();
        for (RunsViewModel.Line line : viewModel.lines()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(line.name());
            for (int i = 0; i < line.x().length; i++) {
                if (Double.isFinite(line.y()[i])) {
                    series.getData().add(new XYChart.Data<>(line.x()[i], line.y()[i]));
                }
            }
            chart.getData().add(series);
        }
    }

    @FXML
    private void open() {
        viewModel.openSelected();
    }

    @FXML
    private void delete() {
        int n = viewModel.selected().size();
        if (n == 0) {
            return;
        }
        if (Dialogs.confirm(root.getScene() == null ? null : root.getScene().getWindow(),
                "Delete " + (n == 1 ? "a run" : n + " runs") + "?", "Delete " + (n == 1 ? "this run" : "these " + n + " runs")
                        + " and " + (n == 1 ? "its model" : "their models") + " from the history?")) {
            viewModel.deleteSelected();
        }
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    /** The overlay chart, for tests. */
    LineChart<Number, Number> chart() {
        return chart;
    }
}
