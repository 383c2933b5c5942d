package org.mnistrecognition.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the JSON entries of the program's files: strict JSON, one object, and typed fields whose
 * problems are {@link IllegalArgumentException}s naming the key, e.g. {@code "'layers' missing"}.
 */
public final class StrictJson {
    /** Writes pretty JSON without HTML escapes. */
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private StrictJson() {
    }

    /** Parses {@code json} as one strict JSON object. */
    public static JsonObject parse(String json) {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = GSON.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("invalid JSON: text after the object");
            }
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException("invalid JSON: expected an object");
            }
            return root.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            // Gson limits nesting (255 levels), so deep input is an error here, not a stack overflow
            throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        }
    }

    /** The list at {@code key}; it must be there. */
    public static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null) {
            throw new IllegalArgumentException("'" + key + "' missing");
        }
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        return e.getAsJsonArray();
    }

    /** The object at {@code key}; it must be there. */
    public static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null) {
            throw new IllegalArgumentException("'" + key + "' missing");
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("'" + key + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    /** The whole number at {@code key}; {@code absent} if it is missing and not {@code required}. */
    public static long integer(JsonObject o, String key, boolean required, long absent) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw new IllegalArgumentException("'" + key + "' missing");
            }
            return absent;
        }
        return asInteger(e, key);
    }

    /** The required whole number at {@code key}, which must fit an int. */
    public static int intValue(JsonObject o, String key) {
        long v = integer(o, key, true, 0);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + key + "' holds " + v + ", too large");
        }
        return (int) v;
    }

    /** The array of positive ints at {@code key} (layer sizes). */
    public static List<Integer> positiveInts(JsonObject o, String key) {
        List<Integer> values = new ArrayList<>();
        for (JsonElement e : array(o, key)) {
            long v = asInteger(e, key);
            if (v <= 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("'" + key + "' holds " + v + ", sizes must be positive");
            }
            values.add((int) v);
        }
        return values;
    }

    /** {@code e} as a whole number that fits a long. */
    public static long asInteger(JsonElement e, String key) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                return e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
            } catch (ArithmeticException | NumberFormatException ex) {
                throw new IllegalArgumentException("'" + key + "' must hold whole numbers, got " + e);
            }
        }
        throw new IllegalArgumentException("'" + key + "' must hold whole numbers, got " + e);
    }

    /** The number at {@code key}, NaN if it is missing. */
    public static double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        if (!(e instanceof JsonPrimitive p && p.isNumber())) {
            throw new IllegalArgumentException("'" + key + "' must be a number, got " + e);
        }
        return p.getAsDouble();
    }

    /** The number at {@code key}; it must be there. */
    public static double requiredNumber(JsonObject o, String key) {
        if (!o.has(key)) {
            throw new IllegalArgumentException("'" + key + "' missing");
        }
        return number(o, key);
    }

    /** The text at {@code key}; {@code ""} if it is missing and not {@code required}. */
    public static String string(JsonObject o, String key, boolean required) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw new IllegalArgumentException("'" + key + "' missing");
            }
            return "";
        }
        return asString(e, key);
    }

    /** {@code e} as text. */
    public static String asString(JsonElement e, String key) {
        if (!(e instanceof JsonPrimitive p && p.isString())) {
            throw new IllegalArgumentException("'" + key + "' must hold text, got " + e);
        }
        return p.getAsString();
    }

    /** The true or false at {@code key}; it must be there. */
    public static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null) {
            throw new IllegalArgumentException("'" + key + "' missing");
        }
        if (!(e instanceof JsonPrimitive p && p.isBoolean())) {
            throw new IllegalArgumentException("'" + key + "' must be true or false, got " + e);
        }
        return p.getAsBoolean();
    }
}
