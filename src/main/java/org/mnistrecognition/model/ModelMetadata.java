package org.mnistrecognition.model;

import static org.mnistrecognition.model.StrictJson.array;
import static org.mnistrecognition.model.StrictJson.asString;
import static org.mnistrecognition.model.StrictJson.bool;
import static org.mnistrecognition.model.StrictJson.integer;
import static org.mnistrecognition.model.StrictJson.number;
import static org.mnistrecognition.model.StrictJson.positiveInts;
import static org.mnistrecognition.model.StrictJson.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Layer;
import org.mnistrecognition.network.Network;

/**
 * What a model file says about its network, stored as {@code metadata.json} with snake_case keys.
 *
 * @param formatVersion the model file format, {@value #FORMAT_VERSION}
 * @param layers the number of units in each layer, input first: {@code [784, 200, 10]}
 * @param activations the activation of each weight layer, {@link Activation#id()}; one fewer than layers
 * @param bias whether the network adds biases
 * @param cost the cost it was trained with, {@link Cost#id()}
 * @param preset the training preset's name, or {@code ""}
 * @param seed the seed its weights were initialised with
 * @param initialisation how its weights were initialised, {@link Initialisation#id()}, or {@code ""}
 * @param training how it was trained
 */
public record ModelMetadata(int formatVersion, List<Integer> layers, List<String> activations, boolean bias,
        String cost, String preset, long seed, String initialisation, Training training) {

    /** The format this program writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /**
     * How a model was trained; a number not known is {@code NaN} (0 for the counts) and is left
     * out of the JSON.
     *
     * @param iterations mini-batches trained on
     * @param epochs passes over the training set, fractional
     * @param createdAt when training ended, ISO-8601, or {@code ""}
     * @param dataSource the data set trained on (a path), or {@code ""}
     */
    public record Training(long iterations, double epochs, double learningRate, int batchSize, double momentum,
            double testAccuracy, double validationAccuracy, double durationSeconds, double samplesPerSecond,
            String createdAt, String dataSource) {

        public Training {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(dataSource, "dataSource");
        }

        /** Nothing known. */
        public static Training unknown() {
            return new Training(0, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", "");
        }
    }

    public ModelMetadata {
        layers = List.copyOf(layers);
        activations = List.copyOf(activations);
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(initialisation, "initialisation");
        Objects.requireNonNull(training, "training");
        if (layers.size() < 2) {
            throw new IllegalArgumentException("'layers' needs at least an input and an output size, got " + layers);
        }
        if (activations.size() != layers.size() - 1) {
            throw new IllegalArgumentException("'activations' needs one name per weight layer (" + (layers.size() - 1)
                    + "), got " + activations.size());
        }
    }

    /** The metadata of {@code network}, in the current format. */
    public static ModelMetadata of(Network network, Cost cost, String preset, long seed, Initialisation initialisation,
            Training training) {
        List<String> activations = new ArrayList<>();
        for (Layer layer : network.layers()) {
            activations.add(layer.activation().id());
        }
        return new ModelMetadata(FORMAT_VERSION, network.architecture().sizes(), activations, network.architecture().bias(),
                cost.id(), preset, seed, initialisation == null ? "" : initialisation.id(), training);
    }

    /** The same with other training details. */
    public ModelMetadata withTraining(Training newTraining) {
        return new ModelMetadata(formatVersion, layers, activations, bias, cost, preset, seed, initialisation, newTraining);
    }

    /**
     * The network's architecture: every hidden layer must share one activation. A network with no
     * hidden layer gets its output's activation (sigmoid after a softmax) as its unused hidden one.
     *
     * @throws IllegalArgumentException naming an unknown activation, or mixed hidden activations
     */
    public Architecture architecture() {
        List<Activation> parsed = new ArrayList<>();
        for (String a : activations) {
            parsed.add(Activation.parse(a));
        }
        Activation output = parsed.get(parsed.size() - 1);
        Activation hidden = parsed.size() > 1 ? parsed.get(0) : output == Activation.SOFTMAX ? Activation.SIGMOID : output;
        for (int l = 1; l < parsed.size() - 1; l++) {
            if (parsed.get(l) != hidden) {
                throw new IllegalArgumentException("hidden layers must share one activation, got " + activations);
            }
        }
        return new Architecture(layers, hidden, output, bias);
    }

    /** {@link #cost()} parsed; throws {@link IllegalArgumentException} naming an unknown cost. */
    public Cost costFunction() {
        return Cost.parse(cost);
    }

    /** The JSON text of {@code metadata.json}. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format_version", formatVersion);
        JsonArray sizes = new JsonArray();
        layers.forEach(sizes::add);
        o.add("layers", sizes);
        JsonArray acts = new JsonArray();
        activations.forEach(acts::add);
        o.add("activations", acts);
        o.addProperty("bias", bias);
        o.addProperty("cost", cost);
        o.addProperty("preset", preset);
        o.addProperty("seed", seed);
        o.addProperty("initialisation", initialisation);
        JsonObject t = new JsonObject();
        t.addProperty("iterations", training.iterations());
        putNumber(t, "epochs", training.epochs());
        putNumber(t, "learning_rate", training.learningRate());
        t.addProperty("batch_size", training.batchSize());
        putNumber(t, "momentum", training.momentum());
        putNumber(t, "test_accuracy", training.testAccuracy());
        putNumber(t, "validation_accuracy", training.validationAccuracy());
        putNumber(t, "duration_seconds", training.durationSeconds());
        putNumber(t, "samples_per_second", training.samplesPerSecond());
        t.addProperty("created_at", training.createdAt());
        t.addProperty("data_source", training.dataSource());
        o.add("training", t);
        return StrictJson.GSON.toJson(o) + "\n";
    }

    /**
     * Parses {@code metadata.json} (strict JSON). Only the format version is checked against what
     * this program reads; activation and cost names are checked by {@link #architecture()} and
     * {@link #costFunction()}.
     *
     * @throws IllegalArgumentException saying what is wrong, e.g. {@code "'layers' missing"}
     */
    public static ModelMetadata fromJson(String json) {
        JsonObject o = StrictJson.parse(json);
        int version = (int) integer(o, "format_version", true, 0);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported format_version " + version + " (this program reads "
                    + FORMAT_VERSION + ")");
        }
        List<Integer> layers = positiveInts(o, "layers");
        List<String> activations = new ArrayList<>();
        for (JsonElement e : array(o, "activations")) {
            activations.add(asString(e, "activations"));
        }
        JsonObject t = o.has("training") && o.get("training").isJsonObject() ? o.getAsJsonObject("training") : new JsonObject();
        Training training = new Training(integer(t, "iterations", false, 0), number(t, "epochs"), number(t, "learning_rate"),
                (int) integer(t, "batch_size", false, 0), number(t, "momentum"), number(t, "test_accuracy"),
                number(t, "validation_accuracy"), number(t, "duration_seconds"), number(t, "samples_per_second"),
                string(t, "created_at", false), string(t, "data_source", false));
        return new ModelMetadata(version, layers, activations, bool(o, "bias"), string(o, "cost", true),
                string(o, "preset", false), integer(o, "seed", false, 0), string(o, "initialisation", false), training);
    }

    private static void putNumber(JsonObject o, String key, double value) {
        if (Double.isFinite(value)) {
            o.addProperty(key, value);
        }
    }
}
