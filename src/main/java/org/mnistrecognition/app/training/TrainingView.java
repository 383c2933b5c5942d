package org.mnistrecognition.app.training;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.app.Cells;
import org.mnistrecognition.app.Dialogs;
import org.mnistrecognition.app.PictureExport;
import org.mnistrecognition.app.Texts;
import org.mnistrecognition.app.Throttle;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.training.Preset;

/** The training pane's FXML controller: binds the controls to a {@link TrainingViewModel}. */
public final class TrainingView {
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final int PICTURE_SCALE = 4;

    private final TrainingViewModel viewModel;
    /** The least time between two scrolls of the log to its end. */
    private static final long FOLLOW_MILLIS = 100;

    private final ValidationSupport validation = new ValidationSupport();
    private final Throttle follower = new Throttle(FOLLOW_MILLIS, this::followEnd);

    @FXML private BorderPane root;
    @FXML private GridPane settings;
    @FXML private ComboBox<Preset> preset;
    @FXML private TextField layers;
    @FXML private ComboBox<Activation> hidden;
    @FXML private ComboBox<Activation> output;
    @FXML private ComboBox<Cost> cost;
    @FXML private TextField learningRate;
    @FXML private TextField batchSize;
    @FXML private TextField length;
    @FXML private ComboBox<TrainingForm.LengthUnit> lengthUnit;
    @FXML private TextField seed;
    @FXML private Label problem;
    @FXML private Button start;
    @FXML private Button pause;
    @FXML private Button stop;
    @FXML private ComboBox<Speed> speed;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private LearningCurveChart chart;
    @FXML private Label logSummary;
    @FXML private Tooltip logSummaryTip;
    @FXML private Label logNote;
    @FXML private ToggleSwitch mistakesOnly;
    @FXML private ToggleSwitch follow;
    @FXML private TableView<LogRow> log;
    @FXML private TableColumn<LogRow, Long> iterationColumn;
    @FXML private TableColumn<LogRow, Integer> actualColumn;
    @FXML private TableColumn<LogRow, Integer> guessColumn;
    @FXML private TableColumn<LogRow, Double> costColumn;
    @FXML private TableColumn<LogRow, Boolean> rightColumn;
    @FXML private ImageView picture;
    @FXML private Label pictureCaption;

    public TrainingView(AppState state) {
        this.viewModel = new TrainingViewModel(state);
    }

    public TrainingViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        viewModel.setFeedback(Dialogs.feedback(root));
        bindForm();
        bindRun();
        bindLog();
        viewModel.curveVersionProperty().addListener(x -> chart.show(viewModel.curve(), viewModel.previousCurve()));
        PictureExport.install(chart, "learning-curve");
    }

    private void bindForm() {
        TrainingForm form = viewModel.form();
        preset.setItems(FXCollections.observableArrayList(Preset.values()));
        preset.valueProperty().bindBidirectional(form.presetProperty());
        layers.textProperty().bindBidirectional(form.layersProperty());
        hidden.setConverter(named(Activation::id, Activation::parse));
        output.setConverter(named(Activation::id, Activation::parse));
        cost.setConverter(named(Cost::id, Cost::parse));
        hidden.setItems(FXCollections.observableArrayList(Activation.SIGMOID, Activation.RELU, Activation.TANH));
        hidden.valueProperty().bindBidirectional(form.hiddenProperty());
        output.setItems(FXCollections.observableArrayList(Activation.values()));
        output.valueProperty().bindBidirectional(form.outputProperty());
        cost.setItems(FXCollections.observableArrayList(Cost.values()));
        cost.valueProperty().bindBidirectional(form.costProperty());
        learningRate.textProperty().bindBidirectional(form.learningRateProperty());
        batchSize.textProperty().bindBidirectional(form.batchSizeProperty());
        length.textProperty().bindBidirectional(form.lengthProperty());
        lengthUnit.setItems(FXCollections.observableArrayList(TrainingForm.LengthUnit.values()));
        lengthUnit.valueProperty().bindBidirectional(form.lengthUnitProperty());
        seed.textProperty().bindBidirectional(form.seedProperty());
        problem.textProperty().bind(form.problemProperty());
        problem.visibleProperty().bind(form.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        settings.disableProperty().bind(viewModel.runningProperty());
        check(layers, TrainingForm.Field.LAYERS);
        check(hidden, TrainingForm.Field.HIDDEN);
        check(output, TrainingForm.Field.OUTPUT);
        check(cost, TrainingForm.Field.COST);
        check(learningRate, TrainingForm.Field.LEARNING_RATE);
        check(batchSize, TrainingForm.Field.BATCH_SIZE);
        check(length, TrainingForm.Field.LENGTH);
        check(seed, TrainingForm.Field.SEED);
    }

    /** Decorates {@code control} with its field's error as the form reports it. */
    private void check(Control control, TrainingForm.Field field) {
        var error = viewModel.form().errorProperty(field);
        validation.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, error.get(), error.get() != null));
        error.addListener(x -> validation.revalidate(control));
    }

    private void bindRun() {
        start.disableProperty().bind(viewModel.canStartProperty().not());
        start.setOnAction(e -> viewModel.start());
        pause.disableProperty().bind(viewModel.runningProperty().not());
        pause.textProperty().bind(Bindings.when(viewModel.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.setOnAction(e -> viewModel.togglePause());
        stop.disableProperty().bind(viewModel.runningProperty().not());
        stop.setOnAction(e -> viewModel.stop());
        speed.setItems(FXCollections.observableArrayList(Speed.values()));
        speed.valueProperty().bindBidirectional(viewModel.speedProperty());
        progress.progressProperty().bind(viewModel.progressProperty());
        progressText.textProperty().bind(viewModel.progressTextProperty());
    }

    private void bindLog() {
        mistakesOnly.selectedProperty().bindBidirectional(viewModel.mistakesOnlyProperty());
        follow.selectedProperty().bindBidirectional(viewModel.followProperty());
        logSummary.textProperty().bind(viewModel.logSummaryProperty());
        logSummaryTip.textProperty().bind(viewModel.logSummaryProperty());
        logNote.textProperty().bind(viewModel.logNoteProperty());
        logNote.visibleProperty().bind(viewModel.logNoteProperty().isNotEmpty());
        logNote.managedProperty().bind(logNote.visibleProperty());
        iterationColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().iteration()));
        actualColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().actual()));
        guessColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().guess()));
        costColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cost()));
        rightColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().right()));
        iterationColumn.setCellFactory(c -> Cells.formatted(v -> Texts.count(v)));
        costColumn.setCellFactory(c -> Cells.formatted(v -> String.format(Locale.ROOT, "%.6f", v)));
        rightColumn.setCellFactory(c -> Cells.formatted(v -> v ? "✓" : "✗"));
        log.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LogRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(WRONG, !empty && row != null && !row.right());
            }
        });
        log.itemsProperty().bind(viewModel.rowsProperty());
        viewModel.followProperty().addListener((obs, was, on) -> followEnd());
        viewModel.logSummaryProperty().addListener(x -> follower.request());
        log.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> viewModel.selectedRowProperty().set(row));
        viewModel.pictureProperty().addListener((obs, old, p) -> show(p));
    }

    private static <T> StringConverter<T> named(Function<T, String> name, Function<String, T> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return parse.apply(text);
            }
        };
    }

    private void followEnd() {
        int n = log.getItems() == null ? 0 : log.getItems().size();
        if (viewModel.followProperty().get() && n > 0) {
            log.scrollTo(n - 1);
        }
    }

    private void show(SamplePicture p) {
        if (p == null) {
            picture.setImage(null);
            pictureCaption.setText("Choose a row to see its image.");
            return;
        }
        WritableImage image = new WritableImage(p.cols() * PICTURE_SCALE, p.rows() * PICTURE_SCALE);
        PixelWriter w = image.getPixelWriter();
        for (int y = 0; y < p.rows() * PICTURE_SCALE; y++) {
            for (int x = 0; x < p.cols() * PICTURE_SCALE; x++) {
                int ink = p.pixels()[(y / PICTURE_SCALE) * p.cols() + x / PICTURE_SCALE] & 0xFF;
                int grey = 255 - ink;
                w.setArgb(x, y, 0xFF000000 | grey << 16 | grey << 8 | grey);
            }
        }
        picture.setImage(image);
        pictureCaption.setText(p.caption());
    }
}
