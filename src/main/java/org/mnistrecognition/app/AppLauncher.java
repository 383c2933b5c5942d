package org.mnistrecognition.app;

import javafx.application.Application;

/** Starts the desktop app (kept apart from {@link MnistApp} so the command line loads no JavaFX class). */
public final class AppLauncher {
    private AppLauncher() {
    }

    /** Launches the app and returns when its window has closed. */
    public static void launch(String[] args) {
        Application.launch(MnistApp.class, args);
    }
}
