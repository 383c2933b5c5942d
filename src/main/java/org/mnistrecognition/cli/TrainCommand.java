package org.mnistrecognition.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mnistrecognition.Problems;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.history.LearningCurve;
import org.mnistrecognition.history.RunHistory;
import org.mnistrecognition.history.RunRecord;
import org.mnistrecognition.history.RunRecorder;
import org.mnistrecognition.model.AtomicFiles;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.training.Autosave;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.Progress;
import org.mnistrecognition.training.RunControl;
import org.mnistrecognition.training.RunState;
import org.mnistrecognition.training.RunStateFile;
import org.mnistrecognition.training.Setting;
import org.mnistrecognition.training.SettingException;
import org.mnistrecognition.training.Trainer;
import org.mnistrecognition.training.TrainingConfig;
import org.mnistrecognition.training.TrainingListener;
import org.mnistrecognition.training.TrainingResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code train}: runs a preset or a custom configuration and prints the test accuracy. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network and print its test accuracy (last line: 'test accuracy: 0.9270 (9270/10000)').")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "seed",
            description = "seed (the original program), seed-fixed or best. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--layers", paramLabel = "SIZES", description = "Layer sizes, input first, e.g. 784,200,200,10.")
    String layers;

    @Option(names = "--activation", paramLabel = "F", description = "Hidden-layer activation: sigmoid, relu or tanh.")
    String activation;

    @Option(names = "--output", paramLabel = "F", description = "Output activation: sigmoid, softmax, relu or tanh.")
    String output;

    @Option(names = "--cost", paramLabel = "C", description = "quadratic or cross-entropy.")
    String cost;

    @Option(names = "--init", paramLabel = "I", description = "Initial weights: original, centred, xavier or he.")
    String init;

    @Option(names = "--bias", paramLabel = "true|false", arity = "1", description = "Use biases in the forward pass.")
    Boolean bias;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate.")
    Double learningRate;

    @Option(names = "--batch", paramLabel = "N", description = "Mini-batch size (1 = one sample at a time).")
    Integer batch;

    @Option(names = "--momentum", paramLabel = "M", description = "Momentum in [0, 1).")
    Double momentum;

    @ArgGroup(exclusive = true)
    Length length;

    static final class Length {
        @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set.")
        Double epochs;

        @Option(names = "--iterations", paramLabel = "N", description = "Samples to train on.")
        Long iterations;
    }

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: up to 2).")
    Integer threads;

    @Option(names = "--data", paramLabel = "DIR|FILE.npz",
            description = "MNIST-format folder (the four IDX files, raw or .gz) or .npz file. Default: the bundled MNIST.")
    Path data;

    @Option(names = "--log", description = "Print every iteration as the original did: 'actual: A   guess: G   cost: C'.")
    boolean log;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model (.npz).")
    Path save;

    @Option(names = "--checkpoint-every", paramLabel = "TIME|N", defaultValue = "5m",
            description = "Save a checkpoint this often (30s, 5m, 1h) or every N iterations, to the user data folder;"
                    + " 'off' for none. Default: ${DEFAULT-VALUE}.")
    String checkpointEvery;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Go on with an interrupted run from its checkpoint (its own settings; --data defaults to its data).")
    Path resume;

    @Option(names = "--no-history", description = "Do not keep the run (settings, curve, results, model) in the run history"
            + " in the user data folder, which the app's Runs tab shows.")
    boolean noHistory;

    /** The user's folders: checkpoints and the run history go there. */
    private UserFolders folders;

    /** Pauses or stops the run: a Ctrl+C or a SIGTERM stops it between two steps. */
    private final RunControl control = new RunControl();

    /** The options that set up a run, which a resumed run takes from its checkpoint instead. */
    private static final List<String> RUN_OPTIONS = List.of("--preset", "--layers", "--activation", "--output", "--cost",
            "--init", "--bias", "--lr", "--batch", "--momentum", "--epochs", "--iterations", "--seed", "--threads");

    @Override
    public Integer call() throws Exception {
        RunState resumed = resume != null ? resumedRun() : null;
        TrainingConfig config = resumed != null ? resumed.config() : checked(this::config);
        if (save != null) {
            // a model that cannot be saved where asked is said now, not after the training
            AtomicFiles.checkWritable(save);
        }
        Autosave autosave = autosave(resume != null ? resume : Autosave.newFile(folders().checkpoints(), config));
        MnistData mnist = DataOptions.load(resumed != null && data == null ? dataOf(resumed) : data);
        Trainer trainer = resumed != null ? Trainer.resume(resumed, mnist, control)
                : checked(() -> new Trainer(config, mnist, control));
        trainer.autosave(autosave);
        long total = config.totalIterations(mnist.training().size());
        RunRecorder recorder = null;
        if (!noHistory) {
            // validation at the same points as in the app, so that the history has an accuracy curve
            trainer.checkpointEvery(LearningCurve.validationInterval(total));
            recorder = new RunRecorder(total, trainer.startsAt());
        }
        if (resumed != null) {
            err().printf(Locale.ROOT, "resuming %s: %,d of %,d samples trained%n", resume, resumed.iterations(), total);
        }
        PrintWriter out = out();
        // Ctrl+C or a kill: stop between two steps and, with checkpoints on, save where the run stopped
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // the run's own writes are done (or given up): what is left unfinished would only litter its folder
            AtomicFiles.deleteUnfinished();
        }, "stop-training");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int exit = train(trainer, config, mnist, autosave, total, out, recorder);
            if (resume != null && autosave == null && exit == 0) {
                // a resumed run that saved no checkpoints of its own is over: its old one would only mislead
                Files.deleteIfExists(resume);
            }
            return exit;
        } finally {
            out.flush();
            err().flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook has run
            }
        }
    }

    /** Keeps checkpoints and the run history in {@code userFolders} rather than the user's own (tests). */
    void useFolders(UserFolders userFolders) {
        this.folders = userFolders;
    }

    private UserFolders folders() {
        if (folders == null) {
            folders = UserFolders.standard();
        }
        return folders;
    }

    /** The checkpoint named by {@code --resume}, which no option setting up a run may come with. */
    private RunState resumedRun() throws IOException {
        for (String option : RUN_OPTIONS) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), option + " cannot change a resumed run: it goes on with"
                        + " the settings saved in " + resume);
            }
        }
        return RunStateFile.load(resume);
    }

    /** The data a resumed run was trained on, if it is still where it was; else the bundled data. */
    private static Path dataOf(RunState state) {
        try {
            Path source = Path.of(state.data().source());
            return Files.exists(source) ? source : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** {@code --checkpoint-every} for {@code file}: null for {@code off}. */
    private Autosave autosave(Path file) {
        String every = checkpointEvery.trim().toLowerCase(Locale.ROOT);
        if (every.equals("off") || every.equals("0")) {
            return null;
        }
        Matcher m = Pattern.compile("(\\d+)\\s*(s|m|h)?").matcher(every);
        long n = m.matches() ? parsePositive(m.group(1)) : -1;
        if (n <= 0) {
            throw new ParameterException(spec.commandLine(), "--checkpoint-every takes a time such as 30s, 5m or 1h,"
                    + " a number of iterations, or off; got '" + checkpointEvery + "'");
        }
        Autosave autosave = m.group(2) == null ? Autosave.everyIterations(n, file)
                : Autosave.every(m.group(2).equals("s") ? Duration.ofSeconds(n)
                : m.group(2).equals("m") ? Duration.ofMinutes(n) : Duration.ofHours(n), file);
        return autosave.keepingStoppedRuns();
    }

    private static long parsePositive(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private int train(Trainer trainer, TrainingConfig config, MnistData mnist, Autosave autosave, long total, PrintWriter out,
                      RunRecorder recorder) throws Exception {
        TrainingResult result;
        try (ProgressBar bar = log ? null : progressBar(total)) {
            if (bar != null) {
                bar.stepTo(trainer.startsAt());
            }
            result = trainer.run(listener(out, bar, recorder));
            if (bar != null) {
                bar.stepTo(result.iterations());
            }
        } finally {
            out.flush();
        }
        // kept before --save is written, so that a run whose model cannot be saved there is not lost
        Path kept = recorder == null || result.iterations() <= trainer.startsAt() ? null
                : keep(recorder, result, mnist, autosave);
        if (result.status() == TrainingResult.Status.DIVERGED) {
            if (kept != null) {
                err().println("the last good weights are kept in the run history: " + kept);
            }
            if (save != null) {
                ModelFiles.save(save, result, mnist.source());
                err().println("saved the last good weights to " + save);
            }
            err().println("error: training diverged (the cost became NaN or infinite) after " + result.iterations()
                    + " iterations; lower the learning rate (--lr, now " + config.learningRate() + ")");
            return Cli.FAILED;
        }
        if (result.status() == TrainingResult.Status.CANCELLED) {
            if (autosave != null && Files.exists(autosave.file())) {
                err().printf(Locale.ROOT, "interrupted after %,d of %,d iterations; resume with: mnist-recognition train"
                        + " --resume %s%n", result.iterations(), total, autosave.file());
                err().flush();
            } else {
                err().println("training cancelled after " + result.iterations() + " iterations");
            }
        }
        err().printf(Locale.ROOT, "trained %,d samples in %.1f s (%,.0f samples/s, %s)%n", result.iterations(),
                result.seconds(), result.samplesPerSecond(), trainer.kernels().name());
        if (kept != null) {
            err().println("run kept in the history: " + kept.getParent());
        }
        if (save != null) {
            ModelFiles.save(save, result, mnist.source());
            err().println("saved " + save);
        }
        if (!Double.isNaN(result.validationAccuracy())) {
            err().printf(Locale.ROOT, "validation accuracy: %.4f%n", result.validationAccuracy());
        }
        if (result.test().total() == 0) {
            err().println("error: the data set has no test images");
            return Cli.FAILED;
        }
        out().println(result.test().accuracyLine("test"));
        return result.status() == TrainingResult.Status.COMPLETED ? 0 : Cli.FAILED;
    }

    /**
     * Keeps the run that ended as {@code result} in the run history, as one run with the part
     * before the stop if it was resumed; a stopped run whose checkpoint is kept is marked so that
     * its resumption replaces it. A failure is a warning: the run itself went well.
     *
     * @return the model file kept in the history, or null if it could not be written
     */
    private Path keep(RunRecorder recorder, TrainingResult result, MnistData mnist, Autosave autosave) {
        RunRecord draft = recorder.record(result, mnist.source(), RunRecord.COMMAND_LINE);
        if (result.status() == TrainingResult.Status.CANCELLED && autosave != null && Files.exists(autosave.file())) {
            draft = draft.withCheckpoint(autosave.file());
        }
        RunHistory history = new RunHistory(folders().runs());
        try {
            RunRecord saved = history.add(draft, result, resume);
            return history.modelFile(saved);
        } catch (IOException | RuntimeException e) {
            err().println("warning: cannot keep the run in the history (" + Problems.describe(e) + ")");
            return null;
        }
    }

    /**
     * {@code what}, its {@link SettingException} (or the architecture's) turned into one naming the
     * option to change, e.g. {@code "--lr: the learning rate must be a positive number, got 0.0"}.
     */
    private static <T> T checked(Supplier<T> what) {
        try {
            return what.get();
        } catch (SettingException e) {
            throw new SettingException(e.setting(), option(e.setting()) + ": " + e.getMessage());
        }
    }

    /** {@code what}, an {@link IllegalArgumentException} from it made a {@link SettingException} about {@code setting}. */
    private static <T> T setting(Setting setting, Supplier<T> what) {
        try {
            return what.get();
        } catch (SettingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SettingException(setting, e.getMessage());
        }
    }

    /** The option that sets {@code setting}. */
    static String option(Setting setting) {
        return switch (setting) {
            case LAYERS -> "--layers";
            case HIDDEN_ACTIVATION -> "--activation";
            case OUTPUT_ACTIVATION -> "--output";
            case COST -> "--cost";
            case LEARNING_RATE -> "--lr";
            case BATCH_SIZE -> "--batch";
            case MOMENTUM -> "--momentum";
            case WEIGHT_DECAY -> "--preset";
            case LENGTH -> "--iterations or --epochs";
            case SHIFT -> "--preset";
            case THREADS -> "--threads";
        };
    }

    /** The preset with the options given on the command line applied. */
    TrainingConfig config() {
        TrainingConfig c = Preset.parse(preset).config(seed);
        Architecture arch = c.architecture();
        if (layers != null || activation != null || output != null || bias != null) {
            List<Integer> sizes = layers != null ? setting(Setting.LAYERS, () -> Architecture.parseSizes(layers)) : arch.sizes();
            Activation hidden = activation != null ? setting(Setting.HIDDEN_ACTIVATION, () -> Activation.parse(activation))
                    : arch.hidden();
            Activation out = output != null ? setting(Setting.OUTPUT_ACTIVATION, () -> Activation.parse(output)) : arch.output();
            boolean withBias = bias != null ? bias : arch.bias();
            arch = setting(hidden == Activation.SOFTMAX ? Setting.HIDDEN_ACTIVATION : Setting.LAYERS,
                    () -> new Architecture(sizes, hidden, out, withBias));
            c = c.withArchitecture(arch);
        }
        if (cost != null) {
            Cost parsed = setting(Setting.COST, () -> Cost.parse(cost));
            c = c.withCost(parsed);
        }
        if (init != null) {
            c = c.withInitialisation(Initialisation.parse(init));
        }
        if (learningRate != null) {
            c = c.withLearningRate(learningRate);
        }
        if (batch != null) {
            c = c.withBatchSize(batch);
        }
        if (momentum != null) {
            c = c.withMomentum(momentum);
        }
        if (length != null && length.epochs != null) {
            c = c.withEpochs(length.epochs);
        }
        if (length != null && length.iterations != null) {
            c = c.withIterations(length.iterations);
        }
        if (threads != null) {
            c = c.withThreads(threads);
        }
        return c;
    }

    private static ProgressBar progressBar(long total) {
        return new ProgressBarBuilder().setTaskName("training").setInitialMax(total).setUnit(" samples", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).showSpeed()
                .build();
    }

    private TrainingListener listener(PrintWriter out, ProgressBar bar, RunRecorder recorder) {
        TrainingListener iterations = log ? new TrainingListener() {
            @Override
            public void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
                out.write("actual: " + actual + "   guess: " + guess + "   cost: " + cost + "\n");
            }
        } : new TrainingListener() {
            @Override
            public void progress(Progress p) {
                bar.stepTo(p.iteration());
                bar.setExtraMessage(String.format(Locale.ROOT, " cost %.4f, accuracy %.1f%%", p.meanCost(), 100 * p.runningAccuracy()));
            }
        };
        TrainingListener checkpoints = new TrainingListener() {
            private boolean told;

            @Override
            public void saved(Path file, long iteration) {
                // a stopped run's checkpoint is told by the line that says where the run stopped
                if (!told && !control.isCancelled()) {
                    told = true;
                    err().println();
                    err().println("checkpoint saved to " + file + "; if the run is interrupted, resume it with:"
                            + " mnist-recognition train --resume " + file);
                }
            }

            @Override
            public void notSaved(Path file, String problem) {
                if (control.isCancelled()) {
                    err().println();
                    err().println("warning: cannot save a checkpoint where the run stopped (" + problem + ")");
                } else if (!told) {
                    told = true;
                    err().println();
                    err().println("warning: cannot save a checkpoint (" + problem + "); training goes on");
                }
            }
        };
        return TrainingListener.all(iterations, recorder, checkpoints);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
