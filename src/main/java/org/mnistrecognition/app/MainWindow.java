package org.mnistrecognition.app;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.app.evaluate.HandwritingView;
import org.mnistrecognition.app.evaluate.RunsView;
import org.mnistrecognition.app.evaluate.TestEvaluationView;
import org.mnistrecognition.app.evaluate.WeightsView;
import org.mnistrecognition.app.training.Speed;
import org.mnistrecognition.app.training.TrainingView;
import org.mnistrecognition.app.training.TrainingViewModel;

/**
 * The main window's FXML controller: the File and Evaluate menus, the tabs (training and the
 * Evaluate screens) beside the drawing pane, the status bar; remembers the window's place and the
 * settings; asks before closing over a trained, unsaved model.
 */
public final class MainWindow {
    /** The drawing pane, loaded into its slot when it is part of the app. */
    static final String DRAWING_VIEW = "drawing/DrawingView.fxml";
    /** The sizes, in pixels, of the window's icons ({@code icon-<size>.png} beside this class). */
    static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private static final FileChooser.ExtensionFilter MODEL_FILES = new FileChooser.ExtensionFilter("Model files (*.npz)", "*.npz");
    private static final FileChooser.ExtensionFilter CSV_FILES = new FileChooser.ExtensionFilter("CSV files (*.csv)", "*.csv");
    /** The tabs' names in exported pictures, in tab order. */
    private static final String[] VIEW_NAMES = {"training", "test-evaluation", "mistakes", "weights", "runs", "handwriting"};

    private final AppState state;
    private MainWindowViewModel viewModel;
    private Stage stage;
    private SettingsFile settingsFile;
    private AppSettings settings = AppSettings.defaults();
    private BiFunction<Window, String, Optional<ButtonType>> askSave = Dialogs::askSave;
    private BiFunction<Window, String, Optional<ButtonType>> askResume = Dialogs::askResume;
    private Runnable exit = Platform::exit;
    private Supplier<Optional<Path>> modelFileToSave = this::chooseSaveFile;
    private boolean closing;

    @FXML private BorderPane root;
    @FXML private SplitPane split;
    @FXML private MenuBar menuBar;
    @FXML private StackPane drawingSlot;
    @FXML private StatusBar statusBar;
    @FXML private TabPane tabs;
    @FXML private TrainingView trainingController;
    @FXML private TestEvaluationView testController;
    @FXML private RunsView runsController;
    @FXML private WeightsView weightsController;
    @FXML private HandwritingView handwritingController;
    @FXML private MenuItem evaluateTest;
    @FXML private MenuItem fineTune;
    @FXML private MenuItem openModel;
    @FXML private MenuItem saveModel;
    @FXML private MenuItem bundledModel;
    @FXML private MenuItem openDataFolder;
    @FXML private MenuItem openDataFile;

    public MainWindow(AppState state) {
        this.state = state;
    }

    @FXML
    private void initialize() {
        viewModel = new MainWindowViewModel(state, trainingController.viewModel());
        viewModel.setFeedback(Dialogs.feedback(root));
        openModel.disableProperty().bind(viewModel.canChangeModelProperty().not());
        bundledModel.disableProperty().bind(viewModel.canChangeModelProperty().not());
        openDataFolder.disableProperty().bind(viewModel.canChangeModelProperty().not());
        openDataFile.disableProperty().bind(viewModel.canChangeModelProperty().not());
        saveModel.disableProperty().bind(viewModel.canSaveProperty().not());
        statusBar.textProperty().bind(viewModel.statusTextProperty());
        statusBar.progressProperty().bind(viewModel.busyProgressProperty());
        Label trainingState = new Label();
        trainingState.getStyleClass().add("training-state");
        trainingState.textProperty().bind(trainingController.viewModel().statusProperty());
        statusBar.getRightItems().add(trainingState);
        MenuTooltips.install(menuBar);
        viewModel.interruptedRunProperty().addListener((obs, old, found) -> {
            if (found != null) {
                Platform.runLater(this::offerToResume);
            }
        });
        loadDrawingPane();
        connectEvaluation();
    }

    /** Connects the Evaluate screens to the training pane and to the model commands. */
    private void connectEvaluation() {
        weightsController.viewModel().shownProperty().bind(tabs.getTabs().get(3).selectedProperty());
        handwritingController.viewModel().shownProperty().bind(tabs.getTabs().get(5).selectedProperty());
        runsController.viewModel().shownProperty().bind(tabs.getTabs().get(4).selectedProperty());
        runsController.viewModel().watch(trainingController.viewModel().finishedRunProperty());
        runsController.viewModel().watch(handwritingController.viewModel().finishedRunProperty());
        runsController.viewModel().setModelOpener(viewModel::openModel);
        runsController.viewModel().modelChangeAllowedProperty().bind(viewModel.canChangeModelProperty());
        handwritingController.viewModel().setModelTaker(viewModel::adopt);
        evaluateTest.disableProperty().bind(testController.viewModel().canEvaluateProperty().not());
        fineTune.disableProperty().bind(handwritingController.viewModel().canTuneProperty().not());
    }

    /** Asks whether to resume the interrupted run found at start: Resume, Discard or Later. */
    private void offerToResume() {
        var found = viewModel.interruptedRunProperty().get();
        if (found == null) {
            return;
        }
        Optional<ButtonType> answer = askResume.apply(stage, "It can go on from its last checkpoint:\n"
                + MainWindowViewModel.describe(found) + ".\n\nResume it now, discard it, or decide later?");
        if (answer.isPresent() && answer.get() == Dialogs.RESUME) {
            viewModel.resumeInterrupted();
        } else if (answer.isPresent() && answer.get() == Dialogs.DISCARD) {
            viewModel.discardInterrupted();
        } else {
            viewModel.resumeLater();
        }
    }

    private void loadDrawingPane() {
        URL drawing = MainWindow.class.getResource(DRAWING_VIEW);
        if (drawing != null) {
            // on a small window the 28x28 input wraps below the canvas, and the pane scrolls
            ScrollPane scroll = new ScrollPane(Views.load(drawing, state).root());
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("drawing-scroll");
            drawingSlot.getChildren().setAll(scroll);
        } else {
            Label placeholder = new Label("The drawing pane goes here.");
            placeholder.getStyleClass().add("placeholder");
            drawingSlot.getChildren().setAll(placeholder);
        }
    }

    public MainWindowViewModel viewModel() {
        return viewModel;
    }

    public TrainingViewModel training() {
        return trainingController.viewModel();
    }

    /** The test evaluation screen. */
    public TestEvaluationView testEvaluation() {
        return testController;
    }

    /** The runs screen. */
    public RunsView runs() {
        return runsController;
    }

    /** The handwriting screen. */
    public HandwritingView handwriting() {
        return handwritingController;
    }

    /** The tabs: Train, then the Evaluate screens. */
    public TabPane tabs() {
        return tabs;
    }

    /**
     * Puts the window on {@code stage} where it was last time, shows it, then loads the bundled
     * data and model in the background.
     */
    public void show(Stage window, SettingsFile file) {
        this.stage = window;
        this.settingsFile = file;
        this.settings = file.load();
        restore(settings);
        Scene scene = new Scene(root);
        window.setScene(scene);
        window.setTitle("mnist-recognition");
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            URL icon = MainWindow.class.getResource("icon-" + size + ".png");
            if (icon != null) {
                icons.add(new Image(icon.toExternalForm()));
            }
        }
        window.getIcons().setAll(icons);
        PictureExport.shareFolder(this::lastFolder, this::rememberFolder);
        PictureExport.showProgressWith(viewModel::show);
        place(window, settings.window());
        window.setMinWidth(900);
        window.setMinHeight(560);
        window.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        window.show();
        // GTK now and then drops an icon given before the window is on the screen (seen under Xvfb on a
        // busy machine: no _NET_WM_ICON at all): give it again once the window is there
        Platform.runLater(() -> window.getIcons().setAll(icons));
        viewModel.startUp();
    }

    private void restore(AppSettings s) {
        if (s.divider() > 0.1 && s.divider() < 0.9) {
            split.setDividerPositions(s.divider());
        }
        TrainingViewModel t = training();
        t.restore(s.training());
        try {
            t.speedProperty().set(Speed.valueOf(s.speed()));
        } catch (IllegalArgumentException | NullPointerException e) {
            t.speedProperty().set(Speed.FULL);
        }
        t.mistakesOnlyProperty().set(s.mistakesOnly());
        t.followProperty().set(s.follow());
    }

    /** Where it was if that is still on a screen, else as large as fits the primary screen up to 1366x768, centred. */
    private static void place(Stage window, WindowPlacement p) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (p != null && p.width() >= 400 && p.height() >= 300
                && !Screen.getScreensForRectangle(p.x(), p.y(), p.width(), p.height()).isEmpty()) {
            window.setX(p.x());
            window.setY(p.y());
            window.setWidth(p.width());
            window.setHeight(p.height());
            window.setMaximized(p.maximized());
        } else {
            window.setWidth(Math.min(1366, screen.getWidth()));
            window.setHeight(Math.min(768, screen.getHeight()));
            window.centerOnScreen();
        }
    }

    /** What to remember of this session. */
    AppSettings currentSettings() {
        WindowPlacement placement = stage == null ? settings.window()
                : stage.isMaximized() && settings.window() != null
                ? new WindowPlacement(settings.window().x(), settings.window().y(), settings.window().width(),
                settings.window().height(), true)
                : new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        TrainingViewModel t = training();
        return new AppSettings(placement, split.getDividers().isEmpty() ? settings.divider() : split.getDividerPositions()[0],
                t.settings(), t.speedProperty().get() == null ? "FULL" : t.speedProperty().get().name(),
                t.mistakesOnlyProperty().get(), t.followProperty().get(), settings.lastFolder());
    }

    @FXML
    private void openModel() {
        FileChooser chooser = modelChooser("Open model");
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            rememberFolder(file.toPath().getParent());
            viewModel.openModel(file.toPath());
        }
    }

    @FXML
    private void saveModel() {
        chooseSaveFile().ifPresent(file -> viewModel.saveModel(file, null));
    }

    private Optional<Path> chooseSaveFile() {
        // in the last folder used, else in the user's models folder, made for it: never in the installation's folder
        Optional<Path> path = Dialogs.saveFile(stage, "Save model", MODEL_FILES, "model.npz",
                lastFolder().or(() -> modelsFolder(true)));
        path.ifPresent(p -> rememberFolder(p.getParent()));
        return path;
    }

    @FXML
    private void useBundledModel() {
        viewModel.useBundledModel();
    }

    @FXML
    private void openDataFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open an MNIST folder (the four IDX files, raw or .gz)");
        lastFolder().ifPresent(chooser::setInitialDirectory);
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            rememberFolder(dir.toPath().getParent());
            viewModel.openData(dir.toPath());
        }
    }

    @FXML
    private void openDataFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an MNIST .npz file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("NumPy archives (*.npz)", "*.npz"));
        lastFolder().ifPresent(chooser::setInitialDirectory);
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            rememberFolder(file.toPath().getParent());
            viewModel.openData(file.toPath());
        }
    }

    @FXML
    private void evaluateTestSet() {
        tabs.getSelectionModel().select(1);
        testController.viewModel().evaluate();
    }

    @FXML
    private void fineTune() {
        tabs.getSelectionModel().select(5);
        handwritingController.viewModel().fineTune();
    }

    @FXML
    private void showTab(ActionEvent e) {
        tabs.getSelectionModel().select(Integer.parseInt(String.valueOf(((MenuItem) e.getSource()).getUserData())));
    }

    @FXML
    private void exportLog() {
        chooseCsv("Export the training log", "training-log.csv").ifPresent(viewModel::exportLog);
    }

    @FXML
    private void exportEvaluation() {
        chooseCsv("Export the test evaluation", "evaluation.csv").ifPresent(viewModel::exportEvaluation);
    }

    /** Saves the tab in view as a PNG picture. */
    @FXML
    private void exportView() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        int index = tabs.getSelectionModel().getSelectedIndex();
        if (tab != null && tab.getContent() != null) {
            PictureExport.ask(tab.getContent(), VIEW_NAMES[Math.max(0, Math.min(VIEW_NAMES.length - 1, index))]);
        }
    }

    private Optional<Path> chooseCsv(String title, String name) {
        Optional<Path> path = Dialogs.saveFile(stage, title, CSV_FILES, name, lastFolder());
        path.ifPresent(p -> rememberFolder(p.getParent()));
        return path;
    }

    /**
     * A chooser of model files to open, in the last folder used, else in the user's models folder
     * ({@link UserFolders#models()}) if it exists: never in the installation's folder.
     */
    private FileChooser modelChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(MODEL_FILES);
        lastFolder().or(() -> modelsFolder(false)).ifPresent(chooser::setInitialDirectory);
        return chooser;
    }

    private Optional<File> modelsFolder(boolean create) {
        Path folder = state.folders().models();
        if (create) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Files.isDirectory(folder) ? Optional.of(folder.toFile()) : Optional.empty();
    }

    private Optional<File> lastFolder() {
        String folder = settings.lastFolder();
        return folder != null && !folder.isBlank() && Files.isDirectory(Path.of(folder))
                ? Optional.of(new File(folder)) : Optional.empty();
    }

    private void rememberFolder(Path folder) {
        if (folder != null) {
            settings = new AppSettings(settings.window(), settings.divider(), settings.training(), settings.speed(),
                    settings.mistakesOnly(), settings.follow(), folder.toString());
        }
    }

    /**
     * Closes the app: over a run or a trained, unsaved model it first asks Save / Discard /
     * Cancel; a run is stopped before the app exits.
     */
    @FXML
    public void quit() {
        if (closing) {
            return;
        }
        TrainingViewModel t = training();
        if (!viewModel.hasUnsavedWork()) {
            exitNow();
            return;
        }
        boolean running = t.runningProperty().get();
        Optional<ButtonType> answer = askSave.apply(stage, running
                ? "A training run is going. It will be stopped. Save the network it has trained so far?"
                : "The network trained in this session has not been saved.");
        if (answer.isEmpty() || answer.get() != Dialogs.SAVE && answer.get() != Dialogs.DISCARD) {
            return;
        }
        closing = true;
        boolean save = answer.get() == Dialogs.SAVE;
        whenStopped(() -> {
            if (!save) {
                exitNow();
                return;
            }
            Optional<Path> file = modelFileToSave.get();
            if (file.isEmpty()) {
                closing = false;
                return;
            }
            // a model that cannot be saved keeps the window open (its error says why), to close again
            viewModel.saveModel(file.get(), this::exitNow, () -> closing = false);
        });
    }

    /** Runs {@code then} once the run has stopped and its result (its network, the model to save) is in. */
    private void whenStopped(Runnable then) {
        TrainingViewModel t = training();
        if (!t.runningProperty().get()) {
            then.run();
            return;
        }
        t.runningProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean running) {
                if (!running) {
                    t.runningProperty().removeListener(this);
                    then.run();
                }
            }
        });
        t.stop();
    }

    private void exitNow() {
        closing = true;
        training().stopWarmUp();
        if (settingsFile != null) {
            try {
                settingsFile.save(currentSettings());
            } catch (IOException e) {
                System.err.println("warning: cannot save the settings to " + settingsFile.path() + ": " + e.getMessage());
            }
        }
        if (stage != null) {
            stage.hide();
        }
        exit.run();
    }

    /** For tests: how the question about an interrupted run is answered. */
    void setResumeHandler(BiFunction<Window, String, Optional<ButtonType>> ask) {
        this.askResume = ask;
    }

    /** For tests: how the close question is answered and what exiting does. */
    void setCloseHandlers(BiFunction<Window, String, Optional<ButtonType>> ask, Runnable onExit) {
        this.askSave = ask;
        this.exit = onExit;
    }

    /** For tests: the same, and where Save puts the model on closing (empty: the save dialog was cancelled). */
    void setCloseHandlers(BiFunction<Window, String, Optional<ButtonType>> ask, Supplier<Optional<Path>> saveTo,
                          Runnable onExit) {
        setCloseHandlers(ask, onExit);
        this.modelFileToSave = saveTo;
    }
}
