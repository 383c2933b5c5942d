package org.mnistrecognition.cli;

/** The command line; replaced by the picocli commands. */
public final class Cli {
    private Cli() {
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args) {
        return 0;
    }
}
