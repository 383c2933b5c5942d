package org.mnistrecognition.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.TrainingConfig;

/** The settings form checks what is typed, without the FX thread. */
class TrainingFormTest {
    private final TrainingForm form = new TrainingForm();

    @Test
    void seedIsPreselectedAndValid() {
        TrainingConfig config = form.configProperty().get();
        assertNotNull(config);
        assertEquals("seed", config.preset());
        assertEquals(List.of(784, 200, 200, 10), config.architecture().sizes());
        assertEquals(50_000, config.iterations());
        assertNull(form.problemProperty().get());
    }

    @Test
    void theLengthAndSeedKeepThePresetAndOtherSettingsMakeItCustom() {
        form.lengthProperty().set("100000");
        form.seedProperty().set("3");
        assertEquals("seed", form.configProperty().get().preset(), "the original, run twice as long");
        assertEquals(100_000, form.configProperty().get().iterations());
        form.learningRateProperty().set("0.1");
        assertEquals("custom", form.configProperty().get().preset());
    }

    @Test
    void choosingAPresetFillsTheFields() {
        form.presetProperty().set(Preset.BEST);
        assertEquals("784,400,200,10", form.layersProperty().get());
        assertEquals(Activation.RELU, form.hiddenProperty().get());
        assertEquals(Activation.SOFTMAX, form.outputProperty().get());
        assertEquals(Cost.CROSS_ENTROPY, form.costProperty().get());
        assertEquals("64", form.batchSizeProperty().get());
        assertEquals(TrainingForm.LengthUnit.EPOCHS, form.lengthUnitProperty().get());
        assertEquals("20", form.lengthProperty().get());
        assertEquals("best", form.configProperty().get().preset());
        assertEquals(Preset.BEST.config(1).momentum(), form.configProperty().get().momentum());
    }

    @Test
    void layersMustStartWithThePixelsAndEndWithTenDigits() {
        form.layersProperty().set("100,10");
        assertTrue(form.errorProperty(TrainingForm.Field.LAYERS).get().contains("784"));
        assertNull(form.configProperty().get());
        form.layersProperty().set("784,30,9");
        assertTrue(form.errorProperty(TrainingForm.Field.LAYERS).get().contains("10 units"));
        form.layersProperty().set("784,thirty,10");
        assertTrue(form.errorProperty(TrainingForm.Field.LAYERS).get().contains("whole numbers"));
        form.layersProperty().set("784, 30, 10");
        assertNull(form.errorProperty(TrainingForm.Field.LAYERS).get());
        assertEquals("custom", form.configProperty().get().preset());
    }

    @Test
    void theFirstLayerFollowsTheImages() {
        form.inputSizeProperty().set(64);
        assertTrue(form.errorProperty(TrainingForm.Field.LAYERS).get().contains("64 units"));
        form.layersProperty().set("64,16,10");
        assertNotNull(form.configProperty().get());
    }

    @Test
    void numbersAreCheckedWithTheConfigurationsOwnMessages() {
        form.learningRateProperty().set("0");
        assertEquals("the learning rate must be a positive number, got 0.0",
                form.errorProperty(TrainingForm.Field.LEARNING_RATE).get());
        form.learningRateProperty().set("fast");
        assertTrue(form.errorProperty(TrainingForm.Field.LEARNING_RATE).get().contains("must be a number"));
        form.learningRateProperty().set("0.1");
        form.batchSizeProperty().set("0");
        assertEquals("the batch size must be at least 1, got 0", form.errorProperty(TrainingForm.Field.BATCH_SIZE).get());
        form.batchSizeProperty().set("1");
        form.lengthProperty().set("0");
        assertTrue(form.errorProperty(TrainingForm.Field.LENGTH).get().contains("iterations or epochs"));
        form.lengthProperty().set("1000");
        form.seedProperty().set("x");
        assertTrue(form.errorProperty(TrainingForm.Field.SEED).get().contains("seed"));
        form.seedProperty().set("7");
        assertEquals(7, form.configProperty().get().seed());
        assertEquals(0.1, form.configProperty().get().learningRate());
    }

    @Test
    void impossibleSettingsGetTheCoreMessagesOnTheirFields() {
        form.trainingSizeProperty().set(50_000);
        form.layersProperty().set("784,0,10");
        assertEquals("layer sizes must be positive, got [784, 0, 10]", form.errorProperty(TrainingForm.Field.LAYERS).get());
        assertNull(form.configProperty().get(), "no configuration: Start stays disabled");
        form.layersProperty().set("784,-30,10");
        assertEquals("layer sizes must be positive, got [784, -30, 10]", form.errorProperty(TrainingForm.Field.LAYERS).get());
        form.layersProperty().set("784,30,10");
        assertNotNull(form.configProperty().get());
        form.batchSizeProperty().set("50001");
        assertEquals("the batch size 50,001 is larger than the training set (50,000 images)",
                form.errorProperty(TrainingForm.Field.BATCH_SIZE).get());
        assertNull(form.configProperty().get());
        form.trainingSizeProperty().set(60_000);
        assertNull(form.errorProperty(TrainingForm.Field.BATCH_SIZE).get(), "a larger data set takes the batch");
        assertNotNull(form.configProperty().get());
        form.learningRateProperty().set("0");
        assertEquals("the learning rate must be a positive number, got 0.0", form.problemProperty().get());
        assertNull(form.configProperty().get());
    }

    /**
     * The command line's list of impossible settings ({@code CliTest.impossibleSettings}), typed in
     * the form: each is marked on its field with the core's message, and leaves no configuration
     * (Start stays disabled). The field is the form's, the value typed, the length unit if it matters.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "BATCH_SIZE    | 0          |            | the batch size must be at least 1, got 0",
        "BATCH_SIZE    | -3         |            | the batch size must be at least 1, got -3",
        "BATCH_SIZE    | 50001      |            | the batch size 50,001 is larger than the training set (50,000 images)",
        "LENGTH        | 0          | ITERATIONS | give a positive number of iterations or epochs",
        "LENGTH        | -5         | ITERATIONS | give a positive number of iterations or epochs",
        "LENGTH        | 0          | EPOCHS     | give a positive number of iterations or epochs",
        "LENGTH        | -1         | EPOCHS     | give a positive number of iterations or epochs",
        "LENGTH        | NaN        | EPOCHS     | give a positive number of iterations or epochs",
        "LENGTH        | 1e-9       | EPOCHS     | 1.0E-9 epochs of 50,000 training images is not even one sample",
        "LAYERS        | 784,0,10   |            | layer sizes must be positive, got [784, 0, 10]",
        "LAYERS        | 784,-20,10 |            | layer sizes must be positive, got [784, -20, 10]",
        "LAYERS        | 100,10     |            | the first layer must have 784 units, one per image pixel, got 100",
        "LAYERS        | 100,30,10  |            | the first layer must have 784 units, one per image pixel, got 100",
        "LAYERS        | 784,30,9   |            | the last layer must have 10 units, one per digit, got 9",
        "LEARNING_RATE | 0          |            | the learning rate must be a positive number, got 0.0",
        "LEARNING_RATE | -0.5       |            | the learning rate must be a positive number, got -0.5",
        "LEARNING_RATE | NaN        |            | the learning rate must be a positive number, got NaN",
    })
    void theCommandLinesImpossibleSettingsAreRefusedOnTheirFields(TrainingForm.Field field, String typed,
                                                                   TrainingForm.LengthUnit unit, String message) {
        form.trainingSizeProperty().set(50_000);
        if (unit != null) {
            form.lengthUnitProperty().set(unit);
        }
        assertNotNull(form.configProperty().get(), "valid before");
        switch (field) {
            case BATCH_SIZE -> form.batchSizeProperty().set(typed);
            case LENGTH -> form.lengthProperty().set(typed);
            case LAYERS -> form.layersProperty().set(typed);
            case LEARNING_RATE -> form.learningRateProperty().set(typed);
            default -> throw new IllegalArgumentException(field.name());
        }
        assertEquals(message, form.errorProperty(field).get());
        assertEquals(message, form.problemProperty().get(), "the only problem");
        assertNull(form.configProperty().get(), "no configuration: Start stays disabled");
    }

    @Test
    void theCostMustSuitTheOutput() {
        form.costProperty().set(Cost.CROSS_ENTROPY);
        form.outputProperty().set(Activation.RELU);
        assertTrue(form.errorProperty(TrainingForm.Field.COST).get().contains("cost needs a sigmoid or softmax output"));
        assertNull(form.configProperty().get());
        form.outputProperty().set(Activation.SOFTMAX);
        assertNull(form.errorProperty(TrainingForm.Field.COST).get());
        assertNotNull(form.configProperty().get());
    }

    @Test
    void softmaxIsNoHiddenActivation() {
        form.hiddenProperty().set(Activation.SOFTMAX);
        assertTrue(form.errorProperty(TrainingForm.Field.HIDDEN).get().contains("softmax"));
    }

    @Test
    void settingsSurviveARoundTrip() {
        form.presetProperty().set(Preset.SEED_FIXED);
        form.learningRateProperty().set("0.05");
        form.lengthProperty().set("1234");
        form.seedProperty().set("9");
        TrainingSettings saved = form.settings();
        TrainingForm other = new TrainingForm();
        other.restore(saved);
        assertEquals(saved, other.settings());
        assertEquals(0.05, other.configProperty().get().learningRate());
        assertEquals(1234, other.configProperty().get().iterations());
    }

    @Test
    void unreadableSettingsFallBackToThePreset() {
        form.restore(new TrainingSettings("nonsense", null, "bogus", "sigmoid", "quadratic", null, null, null, "WEEKS", null));
        assertEquals(Preset.SEED, form.presetProperty().get());
        assertNotNull(form.configProperty().get());
    }
}
