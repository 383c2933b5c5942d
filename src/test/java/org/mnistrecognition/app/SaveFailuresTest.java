package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.ReadOnlyFolder;
import org.mnistrecognition.app.training.TrainingViewModel;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.training.SyntheticData;
import org.mnistrecognition.training.TrainingResult;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's writes into a folder that has become read-only: a model save and the settings say
 * why and leave the previous file as it was; checkpoints that cannot be saved are said once and
 * the run goes on to its end.
 */
class SaveFailuresTest {
    @TempDir
    Path dir;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private Feedback feedback() {
        return new Feedback() {
            @Override
            public void error(String title, String message) {
                errors.add(title + ": " + message);
            }

            @Override
            public void info(String title, String message) {
            }
        };
    }

    private static <T> T fx(Callable<T> what) throws Exception {
        return WaitForAsyncUtils.asyncFx(what).get(10, TimeUnit.SECONDS);
    }

    @Test
    void savingAModelIntoAReadOnlyFolderSaysWhyAndKeepsThePreviousFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("models"));
        Path target = folder.resolve("mine.npz");
        Files.copy(ModelFile.bundledModel(), target);
        byte[] previous = Files.readAllBytes(target);
        AppState state = new AppState();
        MainWindowViewModel model = fx(() -> new MainWindowViewModel(state, new TrainingViewModel(state)));
        model.setFeedback(feedback());
        fx(() -> {
            model.openModel(ModelFile.bundledModel());
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.canSaveProperty().get());
        try (ReadOnlyFolder readOnly = ReadOnlyFolder.orSkip(folder)) {
            fx(() -> {
                model.saveModel(target, null);
                return null;
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !errors.isEmpty());
            String error = errors.get(0);
            assertTrue(error.startsWith("Cannot save the model: cannot write " + target + ": cannot create a temporary file in "
                    + folder), readOnly.how() + ": " + error);
            assertArrayEquals(previous, Files.readAllBytes(target));
        }
    }

    @Test
    void settingsThatCannotBeSavedSayWhyAndKeepThePreviousFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("config"));
        SettingsFile file = new SettingsFile(folder.resolve("settings.json"));
        file.save(AppSettings.defaults());
        byte[] previous = Files.readAllBytes(file.path());
        try (ReadOnlyFolder readOnly = ReadOnlyFolder.orSkip(folder)) {
            IOException e = assertThrows(IOException.class, () -> file.save(new AppSettings(null, 0.3, null, "FULL", true,
                    true, "/tmp")));
            assertTrue(e.getMessage().startsWith("cannot write " + file.path() + ": "), readOnly.how() + ": " + e.getMessage());
            assertArrayEquals(previous, Files.readAllBytes(file.path()));
        }
    }

    @Test
    void checkpointsThatCannotBeSavedAreToldOnceAndTheRunGoesOn() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("checkpoints"));
        AppState state = new AppState();
        state.dataProperty().set(SyntheticData.create());
        TrainingViewModel training = fx(() -> new TrainingViewModel(state));
        training.setFeedback(feedback());
        training.setCheckpointFolder(folder);
        training.setCheckpointInterval(Duration.ofMillis(20));
        try (ReadOnlyFolder readOnly = ReadOnlyFolder.orSkip(folder)) {
            fx(() -> {
                training.form().layersProperty().set("64,16,10");
                training.form().lengthProperty().set("30000");
                training.start();
                return null;
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> training.resultProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(TrainingResult.Status.COMPLETED, training.resultProperty().get().status());
            assertEquals(1, errors.size(), readOnly.how() + ": told once: " + errors);
            assertTrue(errors.get(0).startsWith("Cannot save a checkpoint: cannot write " + folder), errors.get(0));
            assertTrue(errors.get(0).contains("Training goes on"), errors.get(0));
        }
    }
}
