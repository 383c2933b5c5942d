package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the window in the middle of a run ends the app: the run stops and the JVM exits by
 * itself, with no thread left to keep it running. The app runs in its own JVM (headless), as
 * {@link ClosingMidRun}; the 60 s limit only guards against a JVM that never ends.
 */
class ClosingTest {
    @TempDir
    Path dir;

    @Test
    void closingTheWindowMidRunEndsTheJvm() throws Exception {
        Path log = dir.resolve("app.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-Xmx1g", "-Dtestfx.robot=glass", "-Dtestfx.headless=true",
                "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), ClosingMidRun.class.getName(),
                dir.resolve("home").toString());
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = app.waitFor(60, TimeUnit.SECONDS);
        String output = Files.readString(log);
        if (!ended) {
            app.destroyForcibly();
        }
        assertTrue(ended, "the JVM ended by itself after the window closed:\n" + output);
        assertEquals(0, app.exitValue(), output);
        assertTrue(output.contains("closing mid-run at "), output);
        assertTrue(output.contains("launch returned"), output);
    }
}
