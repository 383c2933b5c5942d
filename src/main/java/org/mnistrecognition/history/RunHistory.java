package org.mnistrecognition.history;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mnistrecognition.Problems;
import org.mnistrecognition.data.DataFormatException;
import org.mnistrecognition.model.AtomicFiles;
import org.mnistrecognition.model.JsonFiles;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.model.ModelMetadata;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.TrainingResult;

/**
 * The history of training runs: a folder holding one folder per run, named by its id, with the
 * run's {@value #RECORD} ({@link RunRecord} as JSON) and its trained network ({@value #MODEL}, a
 * {@link ModelFile}). The model is written first and the record last, both atomically, so a run
 * is listed only once it is complete.
 */
public final class RunHistory {
    /** The record's file name in a run's folder. */
    public static final String RECORD = "run.json";
    /** The model's file name in a run's folder. */
    public static final String MODEL = "model.npz";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().setStrictness(Strictness.LENIENT).create();
    /**
     * The largest record read, in bytes: a record holds at most {@value CostCurve#MAX_POINTS} cost
     * points and a few thousand checkpoints, tens of kilobytes; a larger file is not read into memory.
     */
    public static final int MAX_RECORD_BYTES = 16 << 20;

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT);

    private final Path folder;

    /**
     * The runs found, newest first, and the folders that could not be read.
     *
     * @param runs the readable runs, newest first
     * @param problems one line per unreadable record, naming its file
     */
    public record Listing(List<RunRecord> runs, List<String> problems) {
        public Listing {
            runs = List.copyOf(runs);
            problems = List.copyOf(problems);
        }
    }

    /** The history kept in {@code folder} (created when the first run is added). */
    public RunHistory(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    public Path folder() {
        return folder;
    }

    /** Every complete run, newest first; a missing folder is an empty history. */
    public Listing list() throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Listing(runs, problems);
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path file = dir.resolve(RECORD);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    runs.add(read(file));
                } catch (IOException e) {
                    String line = Problems.describe(e);
                    problems.add(line.startsWith(file + ": ") ? line : file + ": " + line);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt).thenComparing(RunRecord::id).reversed());
        return new Listing(runs, problems);
    }

    /**
     * Reads one run's record; its id is its folder's name.
     *
     * @throws DataFormatException naming the file and what is wrong with it: too large, not JSON,
     *     values of the wrong type or out of range, a curve whose lists disagree...
     * @throws IOException naming the file, if it cannot be read at all
     */
    public static RunRecord read(Path file) throws IOException {
        RunRecord r = JsonFiles.read(file, GSON, RunRecord.class, MAX_RECORD_BYTES, "run record");
        if (r.formatVersion() < 1 || r.formatVersion() > RunRecord.FORMAT_VERSION) {
            throw new DataFormatException(file, "record format " + r.formatVersion() + " is not one this program reads (1 to "
                    + RunRecord.FORMAT_VERSION + ")");
        }
        if (r.settings() == null) {
            throw new DataFormatException(file, "no 'settings'");
        }
        if (!r.model().isEmpty() && !isPlainFileName(r.model())) {
            throw new DataFormatException(file, "'model' must name a file in the run's folder, not '" + r.model() + "'");
        }
        return r.withId(file.getParent().getFileName().toString());
    }

    /** A name of a file in the run's own folder: no folder part, no {@code ..}, nothing a path cannot hold. */
    private static boolean isPlainFileName(String name) {
        if (name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0
                || name.indexOf('\0') >= 0) {
            return false;
        }
        try {
            Path p = Path.of(name);
            return p.getNameCount() == 1 && p.getParent() == null && !p.isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Adds a finished run with its network: a new folder named after the run's start and preset
     * (made unique), the model, then the record.
     *
     * @return the record as saved, with its id and model file name
     * @throws IOException naming the file that could not be written
     */
    public RunRecord add(RunRecord record, Network network, ModelMetadata metadata) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
        String base = baseId(record);
        Path dir = null;
        String id = base;
        for (int n = 2; dir == null; n++) {
            try {
                dir = Files.createDirectory(folder.resolve(id));
            } catch (FileAlreadyExistsException e) {
                id = base + "-" + n;
            }
        }
        RunRecord saved = record.withId(id).withModel(MODEL);
        try {
            ModelFile.save(dir.resolve(MODEL), network, metadata);
            AtomicFiles.write(dir.resolve(RECORD), GSON.toJson(saved).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // what the failed add left (the writers leave no temporary file)
            try {
                delete(saved);
            } catch (IOException left) {
                e.addSuppressed(left);
            }
            throw e;
        }
        return saved;
    }

    /**
     * Adds a finished run as {@link #add(RunRecord, Network, ModelMetadata)} does; if it was resumed
     * from {@code resumedFrom} (null: it was not) and the history holds the run's part before it
     * stopped (a record whose {@link RunRecord#checkpoint()} is that file), the two become one run:
     * the new record starts when that part started, its curve continues that part's, and that
     * part's record is removed once the new one is saved.
     *
     * @return the record as saved
     * @throws IOException naming the file that could not be written or removed
     */
    public RunRecord add(RunRecord record, Network network, ModelMetadata metadata, Path resumedFrom) throws IOException {
        RunRecord earlier = resumedFrom == null ? null : stoppedAt(resumedFrom);
        RunRecord saved = add(earlier == null ? record : record.continuing(earlier), network, metadata);
        if (earlier != null) {
            try {
                delete(earlier);
            } catch (IOException e) {
                throw new IOException("kept the run in " + folder.resolve(saved.id()) + " but cannot remove the record of"
                        + " its part before the stop, " + folder.resolve(earlier.id()) + ": " + e.getMessage(), e);
            }
        }
        return saved;
    }

    /**
     * Adds the run that ended as {@code result} says, {@code record} being its draft ({@link
     * RunRecord#of}): its model is the result's network, with the metadata of the data set and the
     * end the record names; resumed from {@code resumedFrom} as {@link #add(RunRecord, Network,
     * ModelMetadata, Path)} says.
     */
    public RunRecord add(RunRecord record, TrainingResult result, Path resumedFrom) throws IOException {
        return add(record, result.network(), result.metadata(record.dataSource(), Instant.parse(record.endedAt())),
                resumedFrom);
    }

    /** The newest record of a run stopped with its checkpoint kept in {@code checkpoint}, or null. */
    private RunRecord stoppedAt(Path checkpoint) throws IOException {
        String key = RunRecord.checkpointKey(checkpoint);
        for (RunRecord r : list().runs()) {
            if (r.checkpoint().equals(key)) {
                return r;
            }
        }
        return null;
    }

    /** The folder of a run (its record and model). */
    public Path folderOf(RunRecord run) {
        return folder.resolve(run.id());
    }

    /** The model file of a run. */
    public Path modelFile(RunRecord run) {
        return folder.resolve(run.id()).resolve(run.model().isEmpty() ? MODEL : run.model());
    }

    /** Deletes a run's record, model and folder (the record first, so a half-deleted run is not listed). */
    public void delete(RunRecord run) throws IOException {
        Path dir = folder.resolve(run.id());
        Files.deleteIfExists(dir.resolve(RECORD));
        Files.deleteIfExists(modelFile(run));
        try (DirectoryStream<Path> rest = Files.newDirectoryStream(dir)) {
            if (rest.iterator().hasNext()) {
                return;
            }
        } catch (NoSuchFileException e) {
            return;
        }
        Files.deleteIfExists(dir);
    }

    /** {@code 2025-05-01_14-03-09_seed}: the start in local time and the preset, in file-name-safe characters. */
    static String baseId(RunRecord record) {
        String when;
        try {
            when = ID_TIME.format(Instant.parse(record.startedAt()).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            when = "run";
        }
        String preset = record.settings() == null ? "" : record.settings().preset();
        String safe = preset == null ? "" : preset.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        return safe.isEmpty() ? when : when + "_" + safe;
    }
}
