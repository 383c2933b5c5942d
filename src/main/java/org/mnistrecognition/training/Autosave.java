package org.mnistrecognition.training;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When and where a run saves its checkpoint: every few minutes (or every so many samples), always
 * to the same file, which each save replaces atomically, so that a run killed at any moment can be
 * resumed from its last checkpoint. A run that ends deletes its checkpoint; one that is stopped
 * keeps it, saved at the point where it stopped, if {@link #keepingStoppedRuns() asked to}.
 */
public final class Autosave {
    /** How often a run saves a checkpoint unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    private final Path file;
    private final long intervalNanos;
    private final long intervalIterations;
    private final boolean keepStopped;

    private Autosave(Path file, long intervalNanos, long intervalIterations, boolean keepStopped) {
        if (intervalNanos <= 0 && intervalIterations <= 0) {
            throw new IllegalArgumentException("a checkpoint interval must be positive");
        }
        this.file = file;
        this.intervalNanos = intervalNanos;
        this.intervalIterations = intervalIterations;
        this.keepStopped = keepStopped;
    }

    /** Saves to {@code file} every {@code interval} of training. */
    public static Autosave every(Duration interval, Path file) {
        return new Autosave(file, interval.toNanos(), 0, false);
    }

    /** Saves to {@code file} every {@code iterations} samples. */
    public static Autosave everyIterations(long iterations, Path file) {
        return new Autosave(file, 0, iterations, false);
    }

    /** The same, but a run that is stopped (cancelled) saves its checkpoint where it stopped and keeps it. */
    public Autosave keepingStoppedRuns() {
        return new Autosave(file, intervalNanos, intervalIterations, true);
    }

    /** A fresh checkpoint file in {@code folder} for a run of {@code config} starting now. */
    public static Path newFile(Path folder, TrainingConfig config) {
        String name = config.preset().replaceAll("[^A-Za-z0-9-]", "") + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)) + "-"
                + ProcessHandle.current().pid() + ".npz";
        return folder.resolve(name);
    }

    public Path file() {
        return file;
    }

    /** Whether a stopped run keeps its checkpoint. */
    public boolean keepsStoppedRuns() {
        return keepStopped;
    }

    /** Whether a checkpoint is due, {@code samples} and {@code nanos} after the last one (or the start). */
    boolean due(long samples, long nanos) {
        return intervalIterations > 0 && samples >= intervalIterations || intervalNanos > 0 && nanos >= intervalNanos;
    }

    @Override
    public String toString() {
        return "checkpoints to " + file + " every " + (intervalIterations > 0
                ? String.format(Locale.ROOT, "%,d iterations", intervalIterations)
                : Duration.ofNanos(intervalNanos).toString());
    }
}
