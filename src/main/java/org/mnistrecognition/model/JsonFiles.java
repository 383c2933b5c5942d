package org.mnistrecognition.model;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mnistrecognition.Problems;
import org.mnistrecognition.data.DataFormatException;

/**
 * Reads a small JSON file into a record the way Gson binds it (the run history's records, the
 * app's settings), ending in one error of this program's own: a {@link DataFormatException}
 * naming the file and saying on one line what is wrong and where ({@code $.curve.cost[3]}). A
 * file larger than the reader's bound is refused before it is read.
 */
public final class JsonFiles {
    /** The longest description of a problem (a path through deeply nested lists is cut). */
    private static final int MAX_PROBLEM_CHARS = 300;

    private JsonFiles() {
    }

    /**
     * Reads {@code file} as one {@code type}, leniently as Gson does (NaN and comments allowed).
     *
     * @param maxBytes the largest file read; a larger one is refused unread
     * @param what what the file holds, for messages: {@code "run record"}
     * @throws DataFormatException naming the file: too large, empty, not JSON, a value of the
     *     wrong type or one the record's constructor refuses, text after the value, or {@code null}
     * @throws IOException if it cannot be read at all
     */
    public static <T> T read(Path file, Gson gson, Class<T> type, int maxBytes, String what) throws IOException {
        String text = text(file, maxBytes, what);
        if (text.isBlank()) {
            throw new DataFormatException(file, "the file is empty");
        }
        TypeAdapter<T> adapter = gson.getAdapter(type);
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.LENIENT);
        T value;
        boolean more;
        try {
            value = adapter.read(reader);
            more = reader.peek() != JsonToken.END_DOCUMENT;
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(file, "not a " + what + " (" + problem(e, reader) + ")", e);
        }
        if (more) {
            throw new DataFormatException(file, "not a " + what + " (text after the end, at " + reader.getPath() + ")");
        }
        if (value == null) {
            throw new DataFormatException(file, "holds null, not a " + what);
        }
        return value;
    }

    /** The file's text, refused unread if it is larger than {@code maxBytes}. */
    private static String text(Path file, int maxBytes, String what) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new DataFormatException(file, String.format(Locale.ROOT, "is %,d bytes, more than a %s can be (%,d)",
                    size, what, maxBytes));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new DataFormatException(file, String.format(Locale.ROOT, "grew past %,d bytes while it was read,"
                        + " more than a %s can be", maxBytes, what));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * What Gson found wrong, on one line with where it was, without the link to Gson's
     * troubleshooting guide. What a record's constructor refused (a curve whose lists disagree)
     * comes wrapped in a plain RuntimeException whose own message names the constructor: the
     * refusal's words are taken instead.
     */
    private static String problem(Exception e, JsonReader reader) {
        Throwable t = e instanceof JsonParseException || e instanceof IOException || e.getCause() == null ? e : e.getCause();
        String line = t.getMessage() == null && t.getCause() == null ? "a value is null or of the wrong type"
                : Problems.describe(t);
        if (javasNumberFormat(t)) {
            // it says neither what was expected nor where
            line = "expected a number";
        }
        int see = line.indexOf(" See https://");
        line = see < 0 ? line : line.substring(0, see);
        for (JsonToken token : JsonToken.values()) {
            line = line.replace("Expected " + token + " ", "Expected " + tokenName(token) + " ")
                    .replace(" but was " + token + " ", " but was " + tokenName(token) + " ");
        }
        line = line.contains(" path $") ? line : line + " at " + reader.getPath();
        return line.length() <= MAX_PROBLEM_CHARS ? line : line.substring(0, MAX_PROBLEM_CHARS) + "...";
    }

    /** Whether {@code t} is (or wraps) Java's NumberFormatException rather than Gson's ("Expected a long but was..."). */
    private static boolean javasNumberFormat(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof NumberFormatException) {
                return c.getMessage() == null || !c.getMessage().startsWith("Expected");
            }
        }
        return false;
    }

    /** A JSON token as a person would name it. */
    private static String tokenName(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "a list";
            case END_ARRAY -> "the end of a list";
            case BEGIN_OBJECT -> "an object";
            case END_OBJECT -> "the end of an object";
            case NAME -> "a name";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            case END_DOCUMENT -> "the end of the file";
        };
    }
}
