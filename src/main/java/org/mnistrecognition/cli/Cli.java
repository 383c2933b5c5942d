package org.mnistrecognition.cli;

import java.io.PrintWriter;
import org.mnistrecognition.Problems;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.app.AppLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: with no arguments it starts the desktop app; otherwise a subcommand. Every
 * error ends as one line on stderr and a non-zero exit code, never a stack trace.
 */
@Command(name = "mnist-recognition", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Train a neural network on MNIST, watch it learn, draw digits for it to read.%n"
                + "With no command, starts the desktop app.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ClassifyCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    /** Exit code for a failure while running a command (bad file, bad data). */
    public static final int FAILED = 1;
    /** Exit code for a command line that could not be understood. */
    public static final int USAGE = 2;

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args) {
        if (args.length == 0) {
            AppLauncher.launch(args);
            return 0;
        }
        return commandLine().execute(args);
    }

    /** The configured picocli command line (also used by the tests). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Cli());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println("try: mnist-recognition " + commandPath(e.getCommandLine()) + "--help");
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("error: " + Problems.describe(e));
            err.flush();
            return FAILED;
        });
        return cli;
    }

    /** The command line keeping checkpoints and the run history in {@code folders} rather than the user's own (tests). */
    static CommandLine commandLine(UserFolders folders) {
        CommandLine cli = commandLine();
        cli.getSubcommands().get("train").<TrainCommand>getCommand().useFolders(folders);
        return cli;
    }

    private static String commandPath(CommandLine cl) {
        return cl.getParent() == null ? "" : cl.getCommandName() + " ";
    }

    @Override
    public void run() {
        AppLauncher.launch(new String[0]);
    }
}
