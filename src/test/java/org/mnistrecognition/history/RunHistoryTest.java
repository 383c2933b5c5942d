package org.mnistrecognition.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.model.ModelMetadata;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.TrainingConfig;

/** The run history: runs saved with their models, listed newest first, read back, deleted; bad records reported. */
class RunHistoryTest {
    @TempDir
    Path dir;

    private static final TrainingConfig CONFIG = Preset.SEED.config(2).withIterations(1000);

    private static RunRecord record(String startedAt, double testAccuracy) {
        CostCurve curve = new CostCurve(new long[] {100, 200, 300}, new double[] {0.9, 0.5, 0.4}, new long[] {300},
                new double[] {Double.NaN});
        return new RunRecord(RunRecord.FORMAT_VERSION, "", startedAt, startedAt, "completed", RunSettings.of(CONFIG), 1000,
                1000, 1.5, testAccuracy, Double.NaN, "data/mnist", curve, "", RunRecord.APP, "", "");
    }

    private static Network network() {
        return Network.initialise(CONFIG.architecture(), CONFIG.initialisation(), 2);
    }

    private static ModelMetadata metadata(Network n) {
        return ModelMetadata.of(n, CONFIG.cost(), "seed", 2, CONFIG.initialisation(), ModelMetadata.Training.unknown());
    }

    @Test
    void savedRunsAreListedNewestFirstWithTheirModels() throws Exception {
        RunHistory history = new RunHistory(dir.resolve("runs"));
        assertTrue(history.list().runs().isEmpty(), "no folder yet: no runs");
        Network n = network();
        RunRecord first = history.add(record("2025-05-01T10:00:00Z", 0.61), n, metadata(n));
        RunRecord second = history.add(record("2025-05-01T11:00:00Z", 0.93), n, metadata(n));
        RunRecord same = history.add(record("2025-05-01T11:00:00Z", 0.5), n, metadata(n));
        assertTrue(first.id().endsWith("_seed"), first.id());
        assertNotEquals(second.id(), same.id(), "two runs started the same second get their own folders");
        assertEquals(second.id() + "-2", same.id());

        RunHistory.Listing listing = new RunHistory(dir.resolve("runs")).list();
        assertEquals(List.of(), listing.problems());
        assertEquals(List.of(same.id(), second.id(), first.id()), listing.runs().stream().map(RunRecord::id).toList());
        RunRecord read = listing.runs().get(2);
        assertEquals(first, read, "a record reads back as written, NaN included");
        assertArrayEquals(new long[] {100, 200, 300}, read.curve().iterations());
        assertTrue(Double.isNaN(read.curve().accuracy()[0]));
        assertEquals("784-200-200-10", read.settings().describeLayers());
        assertEquals(0.2, read.settings().learningRate());
        Path model = history.modelFile(read);
        assertEquals(n.layer(0).weights().get(3, 5), ModelFile.load(model).network().layer(0).weights().get(3, 5));
    }

    @Test
    void aDeletedRunIsGoneWithItsModel() throws Exception {
        RunHistory history = new RunHistory(dir);
        Network n = network();
        RunRecord run = history.add(record("2025-05-01T10:00:00Z", 0.61), n, metadata(n));
        history.delete(run);
        assertFalse(Files.exists(dir.resolve(run.id())));
        assertTrue(history.list().runs().isEmpty());
    }

    @Test
    void anUnreadableRecordIsReportedAndTheOthersListed() throws Exception {
        RunHistory history = new RunHistory(dir);
        Network n = network();
        history.add(record("2025-05-01T10:00:00Z", 0.61), n, metadata(n));
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken").resolve(RunHistory.RECORD), "{\"formatVersion\": 1, \"settings\": [");
        Files.createDirectories(dir.resolve("future"));
        Files.writeString(dir.resolve("future").resolve(RunHistory.RECORD), "{\"formatVersion\": 9, \"settings\": {}}");
        Files.createDirectories(dir.resolve("half-written"));
        RunHistory.Listing listing = history.list();
        assertEquals(1, listing.runs().size());
        assertEquals(2, listing.problems().size(), listing.problems().toString());
        assertTrue(listing.problems().stream().anyMatch(p -> p.startsWith(dir.resolve("future").resolve("run.json")
                + ": record format 9")), listing.problems().toString());
    }

    @Test
    void theIdIsTheStartAndAFileNameSafePreset() {
        RunRecord r = record(Instant.parse("2025-05-01T10:00:00Z").toString(), 0.5);
        assertTrue(RunHistory.baseId(r).matches("\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}_seed"), RunHistory.baseId(r));
        RunRecord odd = new RunRecord(1, "", "not a time", "", "", RunSettings.of(CONFIG.withPreset("My/Run 1")), 0, 0, 0, 0,
                0, "", null, null, null, null, null);
        assertEquals("run_my-run-1", RunHistory.baseId(odd));
    }

    @Test
    void aCurveKeepsAtMostSoManyPointsWithItsEnds() {
        long[] x = new long[2001];
        double[] y = new double[2001];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10L * i;
            y[i] = 1.0 / (i + 1);
        }
        CostCurve c = new CostCurve(x, y, new long[] {20_000}, new double[] {0.9}).decimate(500);
        assertEquals(500, c.size());
        assertEquals(0, c.iterations()[0]);
        assertEquals(20_000, c.iterations()[499]);
        assertEquals(1.0 / 2001, c.cost()[499]);
        for (int i = 1; i < c.size(); i++) {
            assertTrue(c.iterations()[i] > c.iterations()[i - 1]);
        }
        assertArrayEquals(new double[] {0.9}, c.accuracy());
        CostCurve small = new CostCurve(new long[] {1, 2}, new double[] {3, 4}, null, null);
        assertEquals(small, small.decimate(500));
    }

    private Path recordIn(String folder, String json) throws Exception {
        Path file = Files.createDirectories(dir.resolve(folder)).resolve(RunHistory.RECORD);
        Files.writeString(file, json);
        return file;
    }

    /**
     * A record its own constructor refuses (a curve whose lists disagree) made Gson throw a plain
     * RuntimeException that the listing did not catch: the whole history was unreadable. Now it
     * is one problem naming its file, and the other runs are listed.
     */
    @Test
    void aRecordItsConstructorRefusesIsOneProblemNamingTheFile() throws Exception {
        RunHistory history = new RunHistory(dir);
        Network n = network();
        history.add(record("2025-05-01T10:00:00Z", 0.61), n, metadata(n));
        Path costs = recordIn("costs", "{\"formatVersion\": 1, \"settings\": {}, \"curve\": {\"iterations\": [1, 2, 3],"
                + " \"cost\": [0.5, 0.4]}}");
        Path accuracies = recordIn("accuracies", "{\"formatVersion\": 1, \"settings\": {}, \"curve\": {\"checkpoints\": [1],"
                + " \"accuracy\": []}}");
        Path nullLayer = recordIn("null-layer", "{\"formatVersion\": 1, \"settings\": {\"layers\": [784, null, 10]}}");
        Path nullPoint = recordIn("null-point", "{\"formatVersion\": 1, \"settings\": {}, \"curve\": {\"iterations\": [1, null],"
                + " \"cost\": [0.5, 0.4]}}");
        RunHistory.Listing listing = history.list();
        assertEquals(1, listing.runs().size());
        assertEquals(List.of(accuracies + ": not a run record (the curve has 1 checkpoints but 0 accuracies at $.curve)",
                costs + ": not a run record (the curve has 3 iterations but 2 costs at $.curve)",
                nullLayer + ": not a run record (a value is null or of the wrong type at $.settings)",
                nullPoint + ": not a run record (a value is null or of the wrong type at $.curve.iterations)"),
                listing.problems().stream().sorted().toList());
    }

    @Test
    void wrongTypesAndHugeNumbersAreProblemsOnOneLineNamingTheFile() throws Exception {
        Path text = recordIn("text", "{\"formatVersion\": 1, \"settings\": {}, \"iterations\": \"many\"}");
        Path huge = recordIn("huge", "{\"formatVersion\": 1, \"settings\": {}, \"iterations\": 99999999999999999999}");
        Path list = recordIn("list", "[1, 2, 3]");
        RunHistory.Listing listing = new RunHistory(dir).list();
        assertEquals(List.of(), listing.runs());
        assertEquals(3, listing.problems().size(), listing.problems().toString());
        for (String p : listing.problems()) {
            assertTrue(p.matches("\\Q" + dir + "\\E/(text|huge|list)/run.json: not a run record \\([^\n]+\\)"), p);
            assertFalse(p.contains("https://"), p);
        }
        assertTrue(listing.problems().contains(huge + ": not a run record (Expected a long but was 99999999999999999999"
                + " at line 1 column 72 path $.iterations)"), listing.problems().toString());
        assertTrue(listing.problems().contains(text + ": not a run record (expected a number at $.iterations)"),
                listing.problems().toString());
        assertTrue(listing.problems().contains(list + ": not a run record (Expected an object but was a list at line 1"
                + " column 2 path $)"), listing.problems().toString());
    }

    /** A 2 GB record (sparse, so that the test writes nothing) is refused before it is read. */
    @Test
    void aRecordLargerThanAnyRunIsRefusedUnread() throws Exception {
        Path file = recordIn("huge", "");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        RunHistory.Listing listing = new RunHistory(dir).list();
        assertEquals(List.of(file + ": is 2,147,483,648 bytes, more than a run record can be (16,777,216)"),
                listing.problems());
    }

    /** A model named outside the run's folder would be opened, and deleted with the run. */
    @Test
    void aModelOutsideTheRunsFolderIsRefused() throws Exception {
        Path file = recordIn("escape", "{\"formatVersion\": 1, \"settings\": {}, \"model\": \"../../precious.npz\"}");
        assertEquals(List.of(file + ": 'model' must name a file in the run's folder, not '../../precious.npz'"),
                new RunHistory(dir).list().problems());
    }
}
