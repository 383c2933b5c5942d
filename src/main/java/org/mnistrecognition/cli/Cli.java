package org.mnistrecognition.cli;

import org.mnistrecognition.app.AppLauncher;

/** The command line; its commands land with the data and model packages. */
public final class Cli {
    private Cli() {
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args) {
        AppLauncher.launch(args);
        return 0;
    }
}
