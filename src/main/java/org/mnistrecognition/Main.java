package org.mnistrecognition;

/** Entry point: with no arguments the desktop app, otherwise the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(org.mnistrecognition.cli.Cli.run(args));
    }
}
