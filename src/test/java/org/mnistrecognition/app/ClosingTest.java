package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.JavaProcess;
import org.mnistrecognition.model.Model;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.training.SyntheticData;

/**
 * Closing the window in the middle of a run ends the app, whatever the answer to the save
 * question: the run stops and the JVM exits by itself, with no thread left to keep it running or
 * still training. Each case is the app in its own JVM (headless), {@link ClosingMidRun}, closed
 * once or several times; the 60 s limit only guards against a JVM that never ends.
 */
class ClosingTest {
    /** A close as {@link ClosingMidRun} prints it: the rows logged, whether the run was going and the window shown, the answer. */
    private static final Pattern CLOSE = Pattern.compile("closing at (\\d+) rows \\(running (true|false), showing (true|false)\\): (\\S+)");

    @TempDir
    Path dir;

    /** One close of {@link ClosingMidRun}'s output. */
    record Close(int rows, boolean running, boolean showing, String answer) {
    }

    /** What one app did: its output and its closes. */
    record App(String output, List<Close> closes) {
    }

    @Test
    void closingMidRunAndSavingWritesTheModelThenEndsTheJvm() throws Exception {
        Path model = dir.resolve("closing.npz");
        App app = runApp("save", model.toString());
        assertEquals(List.of(new Close(app.closes().get(0).rows(), true, true, "save")), app.closes(), app.output());
        assertTrue(app.output().contains("asked: A training run is going. It will be stopped."), app.output());
        Model saved = ModelFile.load(model);
        assertEquals(List.of(64, 16, 10), saved.network().architecture().sizes(), "the network that was training");
        assertTrue(saved.metadata().training().iterations() >= app.closes().get(0).rows(),
                "saved as trained when the run stopped: " + saved.metadata().training());
    }

    @Test
    void closingMidRunAndDiscardingEndsTheJvm() throws Exception {
        App app = runApp("discard");
        assertEquals(List.of(new Close(app.closes().get(0).rows(), true, true, "discard")), app.closes(), app.output());
    }

    /**
     * Cancel keeps the app and the run going; Save with its dialog cancelled stops the run but keeps
     * the app; Save to a file that cannot be written says so and keeps the app; then Discard ends it.
     * The second close comes only once the run has logged more rows.
     */
    @Test
    void cancellingTheCloseOrAFailedSaveKeepsTheAppThenClosingAgainEndsTheJvm() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "a file");
        App app = runApp("cancel,save-no-file,save,discard", notAFolder.resolve("closing.npz").toString());
        List<Close> closes = app.closes();
        assertEquals(4, closes.size(), app.output());
        assertEquals(new Close(closes.get(0).rows(), true, true, "cancel"), closes.get(0));
        assertEquals(new Close(closes.get(1).rows(), true, true, "save-no-file"), closes.get(1),
                "after Cancel the window and the run go on");
        assertTrue(closes.get(1).rows() > closes.get(0).rows(), "the run trained on after Cancel: " + closes);
        assertEquals(new Close(closes.get(2).rows(), false, true, "save"), closes.get(2),
                "Save with its dialog cancelled stopped the run and kept the window");
        assertEquals(new Close(closes.get(2).rows(), false, true, "discard"), closes.get(3),
                "a Save that failed kept the window, and a close after it is asked again");
        String running = "asked: A training run is going. It will be stopped. Save the network it has trained so far?";
        String trained = "asked: The network trained in this session has not been saved.";
        assertEquals(List.of(running, running, trained, trained),
                app.output().lines().filter(l -> l.startsWith("asked: ")).toList(), app.output());
    }

    /**
     * Runs {@link ClosingMidRun} with {@code answers} and checks what every case must: the JVM
     * ended by itself with exit code 0, no thread of the app left, the stopped run kept in the
     * history and no checkpoint left behind.
     */
    private App runApp(String answers, String... more) throws Exception {
        Path home = dir.resolve("home");
        Path log = dir.resolve("app.log");
        // the small data set the run trains on as the app's bundled one: it starts in a moment
        Path data = SyntheticData.writeIdx(dir.resolve("data"));
        List<String> args = new ArrayList<>(List.of(home.toString(), answers));
        args.addAll(List.of(more));
        Process app = JavaProcess.start(JavaProcess.command(ClosingMidRun.class, List.of("--add-modules=jdk.incubator.vector",
                "-Xmx1g", "-Dtestfx.robot=glass", "-Dtestfx.headless=true", "-Dprism.order=sw", "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dmnist.home=" + home,
                "-Dmnist.data=" + data), args.toArray(String[]::new)), log);
        // the JVM ends by itself after the window closed (else the test fails with its log)
        int exit = JavaProcess.finish(app, log, Duration.ofSeconds(60));
        String output = JavaProcess.read(log);
        assertEquals(0, exit, output);
        assertTrue(output.contains("launch returned"), output);
        assertTrue(output.contains("threads left: []"), output);
        assertEquals(List.of(), files(home.resolve("checkpoints")), "a stopped run leaves no checkpoint");
        assertEquals(1, files(home.resolve("data").resolve("runs")).size(), "the stopped run is in the history");
        List<Close> closes = new ArrayList<>();
        for (Matcher m = CLOSE.matcher(output); m.find(); ) {
            closes.add(new Close(Integer.parseInt(m.group(1)), Boolean.parseBoolean(m.group(2)),
                    Boolean.parseBoolean(m.group(3)), m.group(4)));
        }
        assertEquals(List.of(answers.split(",")), closes.stream().map(Close::answer).toList(), output);
        return new App(output, closes);
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
