package org.mnistrecognition.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistrecognition.network.Networks.assertSameWeights;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.data.DataSetLoader;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.history.RunHistory;
import org.mnistrecognition.history.RunRecord;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.DataFingerprint;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.RunState;
import org.mnistrecognition.training.RunStateFile;
import org.mnistrecognition.training.SyntheticData;
import org.mnistrecognition.training.TrainingConfig;
import picocli.CommandLine;

/**
 * The command line as scripts use it: its output lines are contracts, and every error is one line
 * on stderr with a non-zero exit code. Runs on the bundled data and model.
 */
class CliTest {
    @TempDir
    Path dir;

    /** The exit code and what the command printed. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }

        String lastLine() {
            List<String> lines = outLines();
            return lines.get(lines.size() - 1);
        }
    }

    /** Runs the command line in this JVM with {@code home} as the user's folders (checkpoints, run history). */
    static Run run(Path home, String... args) {
        CommandLine cli = Cli.commandLine(new UserFolders(home.resolve("config"), home.resolve("data")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString().replace("\r", ""), err.toString().replace("\r", ""));
    }

    /** Runs the command line in this JVM with this test's own user folders. */
    private Run run(String... args) {
        return run(dir.resolve("home"), args);
    }

    static void assertOneLineError(Run r, String... fragments) {
        assertTrue(r.exit() != 0, "exit code");
        String[] lines = r.err().strip().split("\n");
        assertTrue(lines[0].startsWith("error: "), r.err());
        for (String f : fragments) {
            assertTrue(lines[0].contains(f), "'" + f + "' in: " + lines[0]);
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(r.err().contains("Exception"), "no exception names: " + r.err());
    }

    @Test
    void trainEndsWithTheAccuracyLine() {
        Run r = run("train", "--preset", "seed-fixed", "--iterations", "3000", "--seed", "2", "--no-history");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.lastLine().matches("test accuracy: [01]\\.\\d{4} \\(\\d+/10000\\)"), r.lastLine());
    }

    @Test
    void trainLogsEveryIterationLikeTheOriginal() {
        Run r = run("train", "--iterations", "200", "--log", "--no-history");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals(201, lines.size());
        assertTrue(lines.get(0).matches("actual: 5   guess: \\d   cost: \\d+\\.\\d+(E-?\\d+)?"), lines.get(0));
        assertTrue(lines.get(1).startsWith("actual: 0   guess: "), "in order over the training set: " + lines.get(1));
        assertTrue(r.lastLine().startsWith("test accuracy: "));
    }

    @Test
    void trainSavesAModelThatEvaluateReads() {
        Path model = dir.resolve("m.npz");
        Run train = run("train", "--preset", "best", "--layers", "784,32,10", "--epochs", "0.1", "--save", model.toString(),
                "--no-history");
        assertEquals(0, train.exit(), train.err());
        Run eval = run("evaluate", "--model", model.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertEquals(train.lastLine(), eval.lastLine(), "the saved model is the trained one");
        assertEquals(12, eval.outLines().size(), "a header, ten rows and the accuracy line");
    }

    @Test
    void evaluateTheBundledModel() {
        Run r = run("evaluate");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.outLines().get(0).startsWith("actual \\ guess"));
        assertTrue(r.lastLine().matches("test accuracy: 0\\.98\\d\\d \\(98\\d\\d/10000\\)"), r.lastLine());
    }

    @Test
    void classifyPrintsTabSeparatedLines() throws Exception {
        List<String> args = new ArrayList<>(List.of("classify"));
        String[] names = {"mnist-0-7-large.png", "mnist-1-2-large.png", "mnist-2-1.png", "mnist-3-0.png"};
        for (String name : names) {
            args.add(fixture(name).toString());
        }
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals(names.length, lines.size());
        for (int i = 0; i < names.length; i++) {
            String[] fields = lines.get(i).split("\t");
            assertEquals(3, fields.length, lines.get(i));
            assertEquals(fixture(names[i]).toString(), fields[0]);
            assertEquals(names[i].split("-")[2].substring(0, 1), fields[1], "the digit in " + names[i]);
            double confidence = Double.parseDouble(fields[2]);
            assertTrue(confidence > 0.5 && confidence <= 1, fields[2]);
        }
    }

    @Test
    void classifyReportsEachBadImageAndGoesOn() throws Exception {
        Path blank = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_BYTE_GRAY) {
            {
                java.awt.Graphics2D g = createGraphics();
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, 40, 40);
                g.dispose();
            }
        }, "png", blank.toFile());
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not an image");
        Run r = run("classify", blank.toString(), fixture("mnist-2-1.png").toString(), text.toString());
        assertEquals(Cli.FAILED, r.exit());
        assertEquals(1, r.outLines().size());
        String[] errors = r.err().strip().split("\n");
        assertEquals(2, errors.length, r.err());
        assertEquals("error: " + blank + ": no digit found", errors[0]);
        assertTrue(errors[1].startsWith("error: " + text + ": "), errors[1]);
    }

    @Test
    void errorsAreOneLineWithANonZeroExit() throws Exception {
        assertOneLineError(run("train", "--lr", "0"), "learning rate");
        assertOneLineError(run("train", "--layers", "100,10"), "784");
        assertOneLineError(run("train", "--data", dir.resolve("nowhere").toString()), "nowhere");
        assertOneLineError(run("train", "--preset", "fastest"), "fastest");
        Path corrupt = dir.resolve("corrupt.npz");
        Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertOneLineError(run("evaluate", "--model", corrupt.toString()), corrupt.toString());
        assertOneLineError(run("classify", dir.resolve("missing.png").toString()), "missing.png");
        Run usage = run("train", "--no-such-option");
        assertEquals(Cli.USAGE, usage.exit());
        assertTrue(usage.err().startsWith("error: Unknown option: '--no-such-option'"), usage.err());
    }

    /** An impossible setting: the option and its value, and the one line that refuses it. */
    static Stream<Arguments> impossibleSettings() {
        String length = "error: --iterations or --epochs: give a positive number of iterations or epochs";
        return Stream.of(
                Arguments.of("--batch", "0", "error: --batch: the batch size must be at least 1, got 0"),
                Arguments.of("--batch", "-3", "error: --batch: the batch size must be at least 1, got -3"),
                Arguments.of("--batch", "50001", "error: --batch: the batch size 50,001 is larger than the training set (50,000 images)"),
                Arguments.of("--iterations", "0", length),
                Arguments.of("--iterations", "-5", length),
                Arguments.of("--epochs", "0", length),
                Arguments.of("--epochs", "-1", length),
                Arguments.of("--epochs", "NaN", length),
                Arguments.of("--epochs", "1e-9",
                        "error: --iterations or --epochs: 1.0E-9 epochs of 50,000 training images is not even one sample"),
                Arguments.of("--layers", "784,0,10", "error: --layers: layer sizes must be positive, got [784, 0, 10]"),
                Arguments.of("--layers", "784,-20,10", "error: --layers: layer sizes must be positive, got [784, -20, 10]"),
                Arguments.of("--layers", "100,10", "error: --layers: the first layer must have 784 units, one per image pixel, got 100"),
                Arguments.of("--layers", "100,30,10",
                        "error: --layers: the first layer must have 784 units, one per image pixel, got 100"),
                Arguments.of("--layers", "784,30,9", "error: --layers: the last layer must have 10 units, one per digit, got 9"),
                Arguments.of("--lr", "0", "error: --lr: the learning rate must be a positive number, got 0.0"),
                Arguments.of("--lr", "-0.5", "error: --lr: the learning rate must be a positive number, got -0.5"),
                Arguments.of("--lr", "NaN", "error: --lr: the learning rate must be a positive number, got NaN"),
                Arguments.of("--momentum", "1", "error: --momentum: momentum must be in [0, 1), got 1.0"),
                Arguments.of("--threads", "0", "error: --threads: threads must be 1 to 64, got 0"));
    }

    /**
     * Each impossible setting is refused before a run starts: exit code 1 (README: a command line
     * understood, but a run that cannot be), one line on stderr naming the option, nothing else
     * printed anywhere (no progress bar, no stack trace, no accuracy line).
     */
    @ParameterizedTest(name = "train {0} {1}")
    @MethodSource("impossibleSettings")
    void impossibleSettingsAreRefusedBeforeARun(String option, String value, String message) {
        List<String> args = new ArrayList<>(List.of("train", option, value));
        if (!option.equals("--iterations") && !option.equals("--epochs")) {
            args.addAll(List.of("--iterations", "100"));
        }
        Run r = runCapturingTheConsole(args.toArray(String[]::new));
        assertEquals(Cli.FAILED, r.exit(), r.err());
        assertEquals(message, r.err().strip(), "one line naming the option, and nothing else");
        assertEquals("", r.out(), "nothing trained");
    }

    /** A value that is no number at all is a command line that cannot be understood: exit code 2, the option named. */
    @ParameterizedTest(name = "train {0} {1}")
    @CsvSource({"--batch, x, 'int'", "--iterations, many, 'long'", "--epochs, two, 'double'", "--lr, fast, 'double'"})
    void valuesThatAreNoNumbersAreUsageErrors(String option, String value, String type) {
        Run r = runCapturingTheConsole("train", option, value);
        assertEquals(Cli.USAGE, r.exit(), r.err());
        assertEquals(List.of("error: Invalid value for option '" + option + "': '" + value + "' is not a" + (type.equals("int") ? "n " : " ")
                + type, "try: mnist-recognition train --help"), r.err().strip().lines().toList());
        assertEquals("", r.out());
    }

    /**
     * {@link #run}, with what the command prints to {@code System.out} and {@code System.err}
     * (where a progress bar or a stack trace would go) added to its output and errors.
     */
    private Run runCapturingTheConsole(String... args) {
        return runCapturingTheConsole(dir.resolve("home"), args);
    }

    /** {@link #run(Path, String...)}, with what the command prints to {@code System.out} and {@code System.err}. */
    static Run runCapturingTheConsole(Path home, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream consoleErr = new ByteArrayOutputStream();
        Run r;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(consoleErr, true, StandardCharsets.UTF_8));
            r = run(home, args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(r.exit(), console.toString(StandardCharsets.UTF_8) + r.out(),
                consoleErr.toString(StandardCharsets.UTF_8) + r.err());
    }

    @Test
    void aDivergingRunSaysWhichSettingToLowerAndWhereItsLastGoodWeightsAre() throws Exception {
        Run r = run("train", "--preset", "best", "--layers", "784,32,10", "--lr", "1e6", "--iterations", "3000");
        assertEquals(Cli.FAILED, r.exit());
        List<String> lines = r.err().strip().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("error: training diverged \\(the cost became NaN or infinite\\) after \\d+ iterations; "
                + "lower the learning rate \\(--lr, now 1000000.0\\)"), last);
        String kept = lines.get(lines.size() - 2);
        Path runs = dir.resolve("home").resolve("data").resolve("runs");
        assertTrue(kept.startsWith("the last good weights are kept in the run history: " + runs), kept);
        Path model = Path.of(kept.substring(kept.indexOf(": ") + 2));
        assertTrue(ModelFile.load(model).network().isFinite());

        Run without = run("train", "--preset", "best", "--layers", "784,32,10", "--lr", "1e6", "--iterations", "3000",
                "--no-history");
        assertEquals(Cli.FAILED, without.exit());
        assertEquals(1, without.err().strip().lines().count(), "only the error: " + without.err());
        assertEquals(1, new RunHistory(runs).list().runs().size(), "the run without history is not kept");
    }

    /**
     * The weights a diverging run saves are exactly its last good ones. The trainer refreshes its
     * copy of the last good weights as it reports progress, about ten times a second, so the only
     * last good weights a test can know without timing are those a run starts from: here a checkpoint
     * of weights no initialisation gives, resumed with a learning rate so large (1e300: infinite in
     * the single-precision engine) that the first step's update is not finite. A trainer that did
     * not go back to its last good copy would save the non-finite weights (or fail to); one that
     * saved a fresh network or the first step's weights would save other numbers.
     */
    @Test
    void aDivergingRunSavesExactlyItsLastGoodWeights() throws Exception {
        Path data = SyntheticData.writeIdx(dir.resolve("data"));
        MnistData mnist = DataSetLoader.load(data);
        TrainingConfig config = Preset.BEST.config(1)
                .withArchitecture(new Architecture(List.of(64, 16, 10), Activation.RELU, Activation.SOFTMAX, true))
                .withMomentum(0).withLearningRate(1e300).withIterations(5000);
        Network lastGood = Network.initialise(config.architecture(), Initialisation.XAVIER, 99);
        Path checkpoint = dir.resolve("run.npz");
        RunStateFile.save(checkpoint, new RunState(config, lastGood.copy(), List.of(), 640, 1.0, DataFingerprint.of(mnist),
                Instant.now().toString(), ProcessHandle.current().pid()));
        Path saved = dir.resolve("last-good.npz");

        Run r = run("train", "--resume", checkpoint.toString(), "--save", saved.toString(), "--checkpoint-every", "off");

        assertEquals(Cli.FAILED, r.exit(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("error: training diverged"), r.err());
        assertTrue(lines.get(lines.size() - 1).endsWith("lower the learning rate (--lr, now 1.0E300)"), r.err());
        assertEquals("saved the last good weights to " + saved, lines.get(lines.size() - 2));
        assertSameWeights(lastGood, ModelFile.load(saved).network(), "--save");
        RunHistory history = new RunHistory(dir.resolve("home").resolve("data").resolve("runs"));
        RunRecord run = history.list().runs().get(0);
        assertEquals("the last good weights are kept in the run history: " + history.modelFile(run),
                lines.get(lines.size() - 3));
        assertEquals("diverged", run.status());
        assertTrue(run.iterations() > 640 && run.iterations() <= 640 + 2 * 64, "diverged within two steps: " + run.iterations());
        assertSameWeights(lastGood, ModelFile.load(history.modelFile(run)).network(), "the run history");
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("mnist-recognition "), version.out());
        Run help = run("--help");
        assertEquals(0, help.exit());
        for (String command : List.of("train", "evaluate", "classify", "bench")) {
            assertTrue(help.out().contains(command), command);
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CliTest.class.getResource("/org/mnistrecognition/preprocess/" + name).toURI());
    }
}
