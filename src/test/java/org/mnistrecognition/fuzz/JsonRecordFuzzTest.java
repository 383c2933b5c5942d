package org.mnistrecognition.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mnistrecognition.data.DataFormatException;

/**
 * The JSON files the app reads at start: a run's record in the history ({@code run.json}) and the
 * settings ({@code settings.json}), from the fixtures in {@code GuidedFuzzTestInputs/runRecord/}
 * and {@code settings/} (valid, truncated, values of the wrong type, a curve whose lists disagree,
 * numbers too large), spoilt as bytes and with values replaced by extreme numbers or values of
 * other types. Each read ends in a {@link DataFormatException} naming the file, on one line, or
 * in a record the app can use; never in another exception escaping the reader.
 */
class JsonRecordFuzzTest {
    private static final String RECORDS = "fuzz/GuidedFuzzTestInputs/runRecord/";
    private static final String SETTINGS = "fuzz/GuidedFuzzTestInputs/settings/";
    private static final byte[] RECORD = Fixture.bytes(RECORDS + "valid.json");
    private static final byte[] SETTING = Fixture.bytes(SETTINGS + "valid.json");
    /** What a value is replaced by: extreme numbers, values of other types, nothing (a list's element left empty). */
    private static final List<String> VALUES;

    static {
        List<String> values = new ArrayList<>(Mutations.EXTREME_NUMBERS);
        values.addAll(List.of("\"text\"", "null", "[]", "{}", "true", "[null]", "[1, 2]", "NaN", "-Infinity", "1e999",
                "-1e999", ""));
        VALUES = List.copyOf(values);
    }

    @AutoClose
    private static final ReadCheck check = ReadCheck.inTemporaryFolder();

    private static void record(byte[] input) throws Exception {
        Reads.runRecord(check, input);
    }

    private static void settings(byte[] input) throws Exception {
        Reads.settings(check, input);
    }

    private static void assertProblem(Exception e, String fragment) {
        assertNotNull(e, "the read should have failed");
        assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' in " + e.getMessage());
    }

    @Test
    void theRecordFixturesEndAsTheySay() throws Exception {
        assertNull(Reads.runRecord(check, RECORD));
        assertProblem(Reads.runRecord(check, Fixture.bytes(RECORDS + "truncated.json")),
                ": not a run record (Unterminated string at line 26 column 19 path $.iterations)");
        assertProblem(Reads.runRecord(check, Fixture.bytes(RECORDS + "wrong-types.json")),
                ": not a run record (Expected a list but was text at line 9 column 16 path $.settings.layers)");
        assertProblem(Reads.runRecord(check, Fixture.bytes(RECORDS + "curve-lengths-differ.json")),
                ": not a run record (the curve has 5 iterations but 3 costs at $.curve)");
        assertProblem(Reads.runRecord(check, Fixture.bytes(RECORDS + "huge-numbers.json")),
                ": not a run record (Expected an int but was 4294967296 at line 16 column 28 path $.settings.batchSize)");
    }

    @Test
    void theSettingsFixturesEndAsTheySay() throws Exception {
        assertNull(Reads.settings(check, SETTING));
        assertProblem(Reads.settings(check, Fixture.bytes(SETTINGS + "truncated.json")), ": not a settings file (");
        assertProblem(Reads.settings(check, Fixture.bytes(SETTINGS + "wrong-types.json")),
                ": not a settings file (expected a number at $.window.x)");
        assertNull(Reads.settings(check, Fixture.bytes(SETTINGS + "huge-numbers.json")),
                "an infinitely wide window is read as no window, and the app places it itself");
    }

    /** A spoilt copy of {@code base}: bytes, or one of its first 60 numbers replaced by one of {@link #VALUES}. */
    private static Generator spoilt(byte[] base) {
        String json = new String(base, StandardCharsets.UTF_8);
        Generator value = random -> {
            int which = random.nextInt(60);
            String v = Generator.pick(random, VALUES);
            return new Input(Mutations.replaceNumber(json, which, v).getBytes(StandardCharsets.UTF_8),
                    "number " + which + " set to " + (v.isEmpty() ? "nothing" : v));
        };
        Generator twoValues = random -> {
            Input first = value.next(random);
            String once = new String(first.bytes(), StandardCharsets.UTF_8);
            int which = random.nextInt(60);
            String v = Generator.pick(random, VALUES);
            return new Input(Mutations.replaceNumber(once, which, v).getBytes(StandardCharsets.UTF_8),
                    first.how() + ", number " + which + " set to " + (v.isEmpty() ? "nothing" : v));
        };
        return Generator.choice(new int[] {2, 2, 1}, Mutations.of(base, 64), value, twoValues);
    }

    @TestFactory
    Stream<DynamicTest> spoiltRunRecords() {
        return Cases.of(500, spoilt(RECORD), JsonRecordFuzzTest::record);
    }

    @TestFactory
    Stream<DynamicTest> spoiltSettings() {
        return Cases.of(400, spoilt(SETTING), JsonRecordFuzzTest::settings);
    }
}
