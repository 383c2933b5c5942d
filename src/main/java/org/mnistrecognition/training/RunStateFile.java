package org.mnistrecognition.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.Deflater;
import org.ejml.data.DMatrixRMaj;
import org.mnistrecognition.data.DataFormatException;
import org.mnistrecognition.data.NpyArray;
import org.mnistrecognition.data.NpyReader;
import org.mnistrecognition.data.NpzReader;
import org.mnistrecognition.model.AtomicFiles;
import org.mnistrecognition.model.NpzWriter;
import org.mnistrecognition.model.StrictJson;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Layer;
import org.mnistrecognition.network.Network;

/**
 * Checkpoint files: a {@link RunState} as a numpy {@code .npz} archive, written atomically (see
 * {@link AtomicFiles}) so that a crash while saving leaves the previous checkpoint whole.
 *
 * <p>Entries: {@value #ENTRY} (the configuration, the samples trained, the data's fingerprint);
 * {@code weights_1, weights_2, ...} of shape {@code (inputs, outputs)} and {@code biases_1, ...}
 * of shape {@code (outputs,)}, float64, as the network holds them; with momentum,
 * {@code velocity_weights_l} and {@code velocity_biases_l} shaped alike.
 */
public final class RunStateFile {
    /** The archive entry holding the run's description. */
    public static final String ENTRY = "run.json";
    /** What {@value #ENTRY} calls this kind of file. */
    static final String FORMAT = "mnist-recognition checkpoint";
    /** The format this program writes and reads. */
    static final int FORMAT_VERSION = 1;

    private RunStateFile() {
    }

    /**
     * What a checkpoint says about its run, read without its arrays: enough to offer resuming it.
     *
     * @param config the run's configuration
     * @param iterations samples trained when it was saved
     * @param totalIterations samples the whole run trains on
     * @param seconds training time until then, pauses excluded
     * @param savedAt when it was saved, ISO-8601
     * @param pid the process that was training
     * @param data what it trains on
     */
    public record Summary(TrainingConfig config, long iterations, long totalIterations, double seconds, String savedAt,
                          long pid, DataFingerprint data) {
    }

    /**
     * Writes {@code state} to {@code file} atomically, creating its folder.
     *
     * @throws IOException naming the file and the cause; the previous file, if any, is unchanged
     */
    public static void save(Path file, RunState state) throws IOException {
        String json = StrictJson.GSON.toJson(describe(state)) + "\n";
        Network network = state.network();
        AtomicFiles.write(file, out -> {
            try (NpzWriter npz = new NpzWriter(out, Deflater.BEST_SPEED)) {
                npz.text(ENTRY, json);
                for (int l = 0; l < network.depth(); l++) {
                    Layer layer = network.layer(l);
                    npz.array("weights_" + (l + 1), new int[] {layer.inputs(), layer.outputs()}, layer.weights().data);
                    npz.array("biases_" + (l + 1), new int[] {layer.outputs()}, layer.biases().data);
                }
                List<double[]> optimiser = state.optimiser();
                for (int l = 0; 2 * l < optimiser.size(); l++) {
                    Layer layer = network.layer(l);
                    npz.array("velocity_weights_" + (l + 1), new int[] {layer.inputs(), layer.outputs()}, optimiser.get(2 * l));
                    npz.array("velocity_biases_" + (l + 1), new int[] {layer.outputs()}, optimiser.get(2 * l + 1));
                }
            }
        });
    }

    /** Reads what a checkpoint says about its run, without its arrays. */
    public static Summary summary(Path file) throws IOException {
        try (NpzReader npz = open(file)) {
            return summary(file, npz);
        }
    }

    /**
     * Reads a checkpoint.
     *
     * @throws DataFormatException naming the file and what is wrong with it
     * @throws IOException if it cannot be read at all
     */
    public static RunState load(Path file) throws IOException {
        try (NpzReader npz = open(file)) {
            Summary s = summary(file, npz);
            Architecture arch = s.config().architecture();
            Set<String> expected = new TreeSet<>();
            List<DMatrixRMaj> weights = new ArrayList<>();
            List<DMatrixRMaj> biases = new ArrayList<>();
            List<double[]> optimiser = new ArrayList<>();
            boolean momentum = s.config().momentum() > 0;
            for (int l = 0; l < arch.depth(); l++) {
                int in = arch.sizes().get(l);
                int out = arch.sizes().get(l + 1);
                String n = String.valueOf(l + 1);
                weights.add(new DMatrixRMaj(in, out, true, values(file, npz, "weights_" + n, new int[] {in, out}, expected)));
                biases.add(new DMatrixRMaj(1, out, true, values(file, npz, "biases_" + n, new int[] {out}, expected)));
                if (momentum) {
                    optimiser.add(values(file, npz, "velocity_weights_" + n, new int[] {in, out}, expected));
                    optimiser.add(values(file, npz, "velocity_biases_" + n, new int[] {out}, expected));
                }
            }
            Set<String> extra = new TreeSet<>(npz.arrayNames());
            extra.removeAll(expected);
            if (!extra.isEmpty()) {
                throw new DataFormatException(file, "unexpected arrays " + extra + " (" + ENTRY + " describes "
                        + arch.describe() + (momentum ? " with momentum" : "") + ")");
            }
            return new RunState(s.config(), Network.of(arch, weights, biases), optimiser, s.iterations(), s.seconds(),
                    s.data(), s.savedAt(), s.pid());
        }
    }

    private static NpzReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, Files.exists(file) ? "not a file" : "no such file");
        }
        return NpzReader.open(file);
    }

    private static JsonObject runJson(Path file, NpzReader npz) throws IOException {
        if (!npz.hasEntry(ENTRY)) {
            throw new DataFormatException(file, ENTRY + " missing (is this a checkpoint?)");
        }
        try {
            JsonObject o = StrictJson.parse(npz.text(ENTRY));
            if (!FORMAT.equals(StrictJson.string(o, "format", true))) {
                throw new IllegalArgumentException("'format' is not '" + FORMAT + "' (is this a checkpoint?)");
            }
            long version = StrictJson.integer(o, "format_version", true, 0);
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unsupported format_version " + version + " (this program reads "
                        + FORMAT_VERSION + ")");
            }
            return o;
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, ENTRY + ": " + e.getMessage(), e);
        }
    }

    private static Summary summary(Path file, NpzReader npz) throws IOException {
        JsonObject o = runJson(file, npz);
        try {
            TrainingConfig config = config(StrictJson.object(o, "config"));
            JsonObject d = StrictJson.object(o, "data");
            DataFingerprint data = new DataFingerprint(StrictJson.string(d, "source", false),
                    positiveInt(d, "training_images"), positiveInt(d, "rows"), positiveInt(d, "cols"),
                    Long.parseUnsignedLong(StrictJson.string(d, "checksum", true), 16));
            long iterations = StrictJson.integer(o, "iterations", true, 0);
            long total = config.totalIterations(data.trainingImages());
            if (iterations < 0 || iterations >= total) {
                throw new IllegalArgumentException("'iterations' is " + iterations + ", not between 0 and the run's "
                        + total);
            }
            double seconds = StrictJson.number(o, "seconds");
            return new Summary(config, iterations, total, Double.isFinite(seconds) && seconds >= 0 ? seconds : 0,
                    StrictJson.string(o, "saved_at", false), StrictJson.integer(o, "pid", false, -1), data);
        } catch (IllegalArgumentException e) {
            // NumberFormatException for the checksum, SettingException for the configuration
            throw new DataFormatException(file, ENTRY + ": " + e.getMessage(), e);
        }
    }

    private static int positiveInt(JsonObject o, String key) {
        long v = StrictJson.integer(o, key, true, 0);
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + key + "' is " + v + ", must be a positive whole number");
        }
        return (int) v;
    }

    /** Array {@code name}, checked to be float64 of {@code shape} with finite values, before its values are read. */
    private static double[] values(Path file, NpzReader npz, String name, int[] shape, Set<String> expected)
            throws IOException {
        expected.add(name);
        if (!npz.contains(name)) {
            throw new DataFormatException(file, name + " missing");
        }
        try (NpyReader array = npz.stream(name)) {
            if (!array.dtype().matches("[<=]f8")) {
                throw new DataFormatException(file, name + " has dtype " + array.dtype() + ", expected float64 (<f8)");
            }
            if (!Arrays.equals(array.shape(), shape)) {
                throw new DataFormatException(file, name + " has shape " + NpyArray.shapeText(array.shape()) + ", expected "
                        + NpyArray.shapeText(shape) + " for the layers " + ENTRY + " describes");
            }
            NpyArray read = array.readAll();
            double[] v = read.values();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new DataFormatException(file, name + " holds " + v[i] + " at index " + i);
                }
            }
            return v;
        }
    }

    /** The run's description: the configuration, progress and data, as {@value #ENTRY} holds it. */
    private static JsonObject describe(RunState state) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("format_version", FORMAT_VERSION);
        o.add("config", json(state.config()));
        o.addProperty("iterations", state.iterations());
        o.addProperty("seconds", state.seconds());
        o.addProperty("saved_at", state.savedAt());
        o.addProperty("pid", state.pid());
        JsonObject d = new JsonObject();
        d.addProperty("source", state.data().source());
        d.addProperty("training_images", state.data().trainingImages());
        d.addProperty("rows", state.data().rows());
        d.addProperty("cols", state.data().cols());
        d.addProperty("checksum", Long.toHexString(state.data().checksum()));
        o.add("data", d);
        return o;
    }

    /** A configuration as JSON; every number is written so that it reads back exactly. */
    static JsonObject json(TrainingConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("preset", c.preset());
        JsonArray sizes = new JsonArray();
        c.architecture().sizes().forEach(sizes::add);
        o.add("layers", sizes);
        o.addProperty("hidden", c.architecture().hidden().id());
        o.addProperty("output", c.architecture().output().id());
        o.addProperty("bias", c.architecture().bias());
        o.addProperty("initialisation", c.initialisation().id());
        o.addProperty("cost", c.cost().id());
        o.addProperty("learning_rate", c.learningRate());
        o.addProperty("batch_size", c.batchSize());
        o.addProperty("momentum", c.momentum());
        o.addProperty("weight_decay", c.weightDecay());
        o.addProperty("schedule", c.schedule().id());
        o.addProperty("iterations", c.iterations());
        o.addProperty("epochs", c.epochs());
        o.addProperty("seed", c.seed());
        o.addProperty("shuffle", c.shuffle());
        o.addProperty("original_step_order", c.originalStepOrder());
        o.addProperty("max_shift", c.maxShift());
        o.addProperty("threads", c.threads());
        return o;
    }

    /** The configuration {@link #json} wrote; its own checks apply. */
    static TrainingConfig config(JsonObject o) {
        Architecture arch = new Architecture(StrictJson.positiveInts(o, "layers"),
                Activation.parse(StrictJson.string(o, "hidden", true)), Activation.parse(StrictJson.string(o, "output", true)),
                StrictJson.bool(o, "bias"));
        return new TrainingConfig(StrictJson.string(o, "preset", false), arch,
                Initialisation.parse(StrictJson.string(o, "initialisation", true)), Cost.parse(StrictJson.string(o, "cost", true)),
                StrictJson.requiredNumber(o, "learning_rate"), StrictJson.intValue(o, "batch_size"),
                StrictJson.requiredNumber(o, "momentum"),
                StrictJson.requiredNumber(o, "weight_decay"), Schedule.parse(StrictJson.string(o, "schedule", true)),
                StrictJson.integer(o, "iterations", true, 0), StrictJson.requiredNumber(o, "epochs"),
                StrictJson.integer(o, "seed", true, 0), StrictJson.bool(o, "shuffle"), StrictJson.bool(o, "original_step_order"),
                StrictJson.intValue(o, "max_shift"), StrictJson.intValue(o, "threads"));
    }
}
