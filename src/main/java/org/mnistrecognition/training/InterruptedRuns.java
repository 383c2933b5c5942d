package org.mnistrecognition.training;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mnistrecognition.Problems;

/**
 * The runs that stopped without ending (a crash, a power cut, a {@code kill -9}): the checkpoints
 * in a folder whose process is no longer running. A run that ends deletes its checkpoint, and a
 * run still going is left alone, so what remains can be offered for resuming.
 */
public final class InterruptedRuns {
    private InterruptedRuns() {
    }

    /**
     * An interrupted run.
     *
     * @param file its checkpoint
     * @param summary what the checkpoint says about it
     */
    public record Found(Path file, RunStateFile.Summary summary) {
    }

    /**
     * The interrupted runs whose checkpoints are in {@code folder}, the most recently saved first;
     * none if the folder does not exist. A checkpoint that cannot be read is left out, with a
     * warning on stderr naming it.
     */
    public static List<Found> in(Path folder) {
        List<Found> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.npz")) {
            for (Path file : files) {
                if (file.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try {
                    RunStateFile.Summary summary = RunStateFile.summary(file);
                    if (!running(summary.pid())) {
                        found.add(new Found(file, summary));
                    }
                } catch (IOException e) {
                    System.err.println("warning: ignoring the checkpoint " + Problems.describe(e));
                }
            }
        } catch (IOException e) {
            System.err.println("warning: cannot look for interrupted runs in " + folder + ": " + Problems.describe(e));
        }
        found.sort(Comparator.comparing((Found f) -> f.summary().savedAt()).reversed());
        return found;
    }

    /** Whether the process that saved a checkpoint is still running (then its run is not interrupted). */
    private static boolean running(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
