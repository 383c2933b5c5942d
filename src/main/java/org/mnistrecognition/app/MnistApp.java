package org.mnistrecognition.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.mnistrecognition.model.AtomicFiles;

/** The desktop app: one main window with the training and the drawing pane. */
public final class MnistApp extends Application {
    @Override
    public void start(Stage stage) {
        // a file still being written in the background when the window closes leaves no temporary file behind
        AtomicFiles.deleteUnfinishedAtExit();
        Views.Loaded<MainWindow> main = Views.load(MainWindow.class, new AppState());
        main.controller().show(stage, SettingsFile.standard());
    }
}
