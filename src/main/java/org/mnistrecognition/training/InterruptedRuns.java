package org.mnistrecognition.training;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mnistrecognition.Problems;

/**
 * The runs that stopped without ending (a crash, a power cut, a {@code kill -9}): the checkpoints
 * in a folder whose process is no longer running (a process of the same pid started since the
 * checkpoint was saved is another one). A run that ends deletes its checkpoint, and a
 * run still going is left alone, so what remains can be offered for resuming.
 */
public final class InterruptedRuns {
    /**
     * How much later than a checkpoint's save a process may seem to have started and still be the
     * one that saved it: Linux reckons start times from a boot time known to the second, and the
     * clock may have been set since the process started.
     */
    static final Duration START_TIME_SLACK = Duration.ofSeconds(5);

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
                    if (!running(summary.pid(), summary.savedAt())) {
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

    /**
     * Whether the process that saved a checkpoint at {@code savedAt} is still running (then its run
     * is not interrupted). A live process with that pid that started after the checkpoint was saved
     * is another one that was given the same pid (after a reboot, most often): the run's own
     * process has ended. Without a start time or a readable {@code savedAt}, a live pid counts as
     * the run's.
     *
     * @param savedAt when the checkpoint was saved, ISO-8601 ({@link java.time.Instant#toString()})
     */
    static boolean running(long pid, String savedAt) {
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        Instant saved = instant(savedAt);
        return started.isEmpty() || saved == null || !started.get().isAfter(saved.plus(START_TIME_SLACK));
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
