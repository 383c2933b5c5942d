package org.mnistrecognition.app.training;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.Setting;
import org.mnistrecognition.training.SettingException;
import org.mnistrecognition.training.TrainingConfig;

/**
 * The training settings as a person types them, checked on every change: each field gets an
 * error message or none, and the whole form a {@link TrainingConfig} when everything is valid.
 * Impossible settings are found by the core's own checks ({@link TrainingConfig}'s and
 * {@link TrainingConfig#checkFits}), the same as the command line's, so the messages are theirs. Choosing a preset fills in the other fields. No FX thread needed.
 */
public final class TrainingForm {
    /** The fields that can be wrong. */
    public enum Field {
        LAYERS, HIDDEN, OUTPUT, COST, LEARNING_RATE, BATCH_SIZE, LENGTH, SEED
    }

    /** Whether the run length counts samples or passes over the training set. */
    public enum LengthUnit {
        ITERATIONS("iterations"), EPOCHS("epochs");

        private final String label;

        LengthUnit(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset", Preset.SEED);
    private final StringProperty layers = new SimpleStringProperty(this, "layers", "");
    private final ObjectProperty<Activation> hidden = new SimpleObjectProperty<>(this, "hidden");
    private final ObjectProperty<Activation> output = new SimpleObjectProperty<>(this, "output");
    private final ObjectProperty<Cost> cost = new SimpleObjectProperty<>(this, "cost");
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate", "");
    private final StringProperty batchSize = new SimpleStringProperty(this, "batchSize", "");
    private final StringProperty length = new SimpleStringProperty(this, "length", "");
    private final ObjectProperty<LengthUnit> lengthUnit = new SimpleObjectProperty<>(this, "lengthUnit", LengthUnit.ITERATIONS);
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "1");
    private final IntegerProperty inputSize = new SimpleIntegerProperty(this, "inputSize", 784);
    private final IntegerProperty trainingSize = new SimpleIntegerProperty(this, "trainingSize", 0);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<TrainingConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private boolean filling;

    /** A form filled with the {@code seed} preset. */
    public TrainingForm() {
        for (Field f : Field.values()) {
            errors.put(f, new ReadOnlyStringWrapper(this, f.name()));
        }
        fill(Preset.SEED);
        preset.addListener((obs, old, p) -> {
            if (p != null) {
                fill(p);
            }
        });
        for (Observable o : List.of(layers, hidden, output, cost, learningRate, batchSize, length, lengthUnit, seed, inputSize,
                trainingSize)) {
            o.addListener(x -> validate());
        }
    }

    /** Puts a preset's settings (with the seed typed) in every field. */
    private void fill(Preset p) {
        TrainingConfig c = p.config(seedOr(1));
        filling = true;
        layers.set(String.join(",", c.architecture().sizes().stream().map(String::valueOf).toList()));
        hidden.set(c.architecture().hidden());
        output.set(c.architecture().output());
        cost.set(c.cost());
        learningRate.set(number(c.learningRate()));
        batchSize.set(String.valueOf(c.batchSize()));
        lengthUnit.set(c.iterations() > 0 ? LengthUnit.ITERATIONS : LengthUnit.EPOCHS);
        length.set(c.iterations() > 0 ? String.valueOf(c.iterations()) : number(c.epochs()));
        filling = false;
        validate();
    }

    private long seedOr(long fallback) {
        try {
            return Long.parseLong(seed.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Checks every field and builds the configuration if they are all valid. */
    private void validate() {
        if (filling) {
            return;
        }
        Map<Field, String> found = new EnumMap<>(Field.class);
        List<Integer> sizes = null;
        try {
            sizes = Architecture.parseSizes(layers.get());
        } catch (IllegalArgumentException e) {
            found.put(Field.LAYERS, e.getMessage());
        }
        double lr = parseDouble(learningRate.get(), Field.LEARNING_RATE, "the learning rate must be a number, e.g. 0.2", found);
        long batch = parseLong(batchSize.get(), Field.BATCH_SIZE, "the batch size must be a whole number, e.g. 1", found);
        if (batch > Integer.MAX_VALUE) {
            found.put(Field.BATCH_SIZE, "the batch size is too large");
        }
        long iterations = 0;
        double epochs = 0;
        if (lengthUnit.get() == LengthUnit.EPOCHS) {
            epochs = parseDouble(length.get(), Field.LENGTH, "the number of epochs must be a number, e.g. 20", found);
        } else {
            iterations = parseLong(length.get(), Field.LENGTH, "the number of iterations must be a whole number, e.g. 50000", found);
        }
        long s = parseLong(seed.get(), Field.SEED, "the seed must be a whole number", found);
        TrainingConfig built = null;
        if (found.isEmpty()) {
            try {
                built = build(sizes, lr, (int) batch, iterations, epochs, s);
                built.checkFits(inputSize.get(), trainingSize.get());
            } catch (SettingException e) {
                found.put(fieldOf(e.setting()), e.getMessage());
                built = null;
            } catch (IllegalArgumentException e) {
                // the architecture's own checks: sizes that are not positive, softmax in a hidden layer
                found.put(e.getMessage().contains("softmax") ? Field.HIDDEN : Field.LAYERS, e.getMessage());
                built = null;
            }
        }
        for (Field f : Field.values()) {
            errors.get(f).set(found.get(f));
        }
        problem.set(found.isEmpty() ? null : found.values().iterator().next());
        config.set(built);
    }

    private TrainingConfig build(List<Integer> sizes, double lr, int batch, long iterations, double epochs, long s) {
        Preset p = preset.get();
        TrainingConfig base = p.config(s);
        if (hidden.get() == null || output.get() == null || cost.get() == null) {
            throw new IllegalArgumentException("choose the activations and the cost");
        }
        Architecture arch = new Architecture(sizes, hidden.get(), output.get(), base.architecture().bias());
        // the length and the seed are the run's, not the preset's (as on the command line)
        boolean same = arch.equals(base.architecture()) && cost.get() == base.cost() && lr == base.learningRate()
                && batch == base.batchSize();
        return new TrainingConfig(same ? p.id() : "custom", arch, base.initialisation(), cost.get(), lr, batch,
                base.momentum(), base.weightDecay(), base.schedule(), iterations, epochs, s, base.shuffle(),
                base.originalStepOrder(), base.maxShift(), base.threads());
    }

    /** The field of the form where a setting is entered (the preset's own settings are shown with the layers). */
    private static Field fieldOf(Setting setting) {
        return switch (setting) {
            case HIDDEN_ACTIVATION -> Field.HIDDEN;
            case OUTPUT_ACTIVATION -> Field.OUTPUT;
            case COST -> Field.COST;
            case LEARNING_RATE -> Field.LEARNING_RATE;
            case BATCH_SIZE -> Field.BATCH_SIZE;
            case LENGTH -> Field.LENGTH;
            default -> Field.LAYERS;
        };
    }

    private static double parseDouble(String text, Field field, String message, Map<Field, String> found) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            found.put(field, message);
            return Double.NaN;
        }
    }

    private static long parseLong(String text, Field field, String message, Map<Field, String> found) {
        try {
            return Long.parseLong(text.trim().replace("_", "").replace(",", ""));
        } catch (NumberFormatException | NullPointerException e) {
            found.put(field, message);
            return 0;
        }
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public StringProperty layersProperty() {
        return layers;
    }

    public ObjectProperty<Activation> hiddenProperty() {
        return hidden;
    }

    public ObjectProperty<Activation> outputProperty() {
        return output;
    }

    public ObjectProperty<Cost> costProperty() {
        return cost;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty lengthProperty() {
        return length;
    }

    public ObjectProperty<LengthUnit> lengthUnitProperty() {
        return lengthUnit;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** The number of pixels of the images in use: the first layer's required size. */
    public IntegerProperty inputSizeProperty() {
        return inputSize;
    }

    /** The number of training images in use (0 while none are loaded): the largest batch. */
    public IntegerProperty trainingSizeProperty() {
        return trainingSize;
    }

    /** The field's error message, null when it is valid. */
    public ReadOnlyStringProperty errorProperty(Field field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** The first error of the form, null when it is valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The configuration the form describes, null while a field is invalid. */
    public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /**
     * Shows {@code config} in the fields (a resumed run's): its preset if it is one, its layers,
     * activations, cost, learning rate, batch size, length and seed.
     */
    public void show(TrainingConfig config) {
        try {
            preset.set(Preset.parse(config.preset()));
        } catch (IllegalArgumentException notAPreset) {
            // a custom run: the fields below say what it is
        }
        seed.set(String.valueOf(config.seed()));
        layers.set(String.join(",", config.architecture().sizes().stream().map(String::valueOf).toList()));
        hidden.set(config.architecture().hidden());
        output.set(config.architecture().output());
        cost.set(config.cost());
        learningRate.set(number(config.learningRate()));
        batchSize.set(String.valueOf(config.batchSize()));
        lengthUnit.set(config.iterations() > 0 ? LengthUnit.ITERATIONS : LengthUnit.EPOCHS);
        length.set(config.iterations() > 0 ? String.valueOf(config.iterations()) : number(config.epochs()));
    }

    /** The form's contents, for saving between launches. */
    public TrainingSettings settings() {
        return new TrainingSettings(preset.get().id(), layers.get(), hidden.get() == null ? "" : hidden.get().id(),
                output.get() == null ? "" : output.get().id(), cost.get() == null ? "" : cost.get().id(),
                learningRate.get(), batchSize.get(), length.get(), lengthUnit.get().name(), seed.get());
    }

    /** Restores saved contents; values that no longer parse are left as the preset has them. */
    public void restore(TrainingSettings s) {
        if (s == null) {
            return;
        }
        try {
            preset.set(Preset.parse(s.preset()));
        } catch (IllegalArgumentException | NullPointerException e) {
            preset.set(Preset.SEED);
        }
        setIfPresent(seed, s.seed());
        setIfPresent(layers, s.layers());
        try {
            hidden.set(Activation.parse(s.hidden()));
            output.set(Activation.parse(s.output()));
            cost.set(Cost.parse(s.cost()));
        } catch (IllegalArgumentException | NullPointerException e) {
            fill(preset.get());
        }
        setIfPresent(learningRate, s.learningRate());
        setIfPresent(batchSize, s.batchSize());
        try {
            lengthUnit.set(LengthUnit.valueOf(s.lengthUnit()));
        } catch (IllegalArgumentException | NullPointerException e) {
            lengthUnit.set(LengthUnit.ITERATIONS);
        }
        setIfPresent(length, s.length());
    }

    private static void setIfPresent(StringProperty p, String value) {
        if (value != null) {
            p.set(value);
        }
    }
}
