package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.app.training.TrainingViewModel;
import org.mnistrecognition.data.DataSetLoader;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.training.Autosave;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.RunControl;
import org.mnistrecognition.training.RunState;
import org.mnistrecognition.training.RunStateFile;
import org.mnistrecognition.training.SyntheticData;
import org.mnistrecognition.training.Trainer;
import org.mnistrecognition.training.TrainingConfig;
import org.mnistrecognition.training.TrainingListener;
import org.mnistrecognition.training.TrainingResult;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app started after a run was interrupted (its checkpoint left behind by a process that is
 * gone) offers to resume it: Resume goes on with it, on the data set it trained on, to its end;
 * Discard deletes the checkpoint; Later keeps it.
 */
@ExtendWith(ApplicationExtension.class)
class ResumeOfferTest {
    @TempDir
    static Path dir;
    private static final long ITERATIONS = 40_000;
    private AppState state;
    private MainWindow window;
    private Path checkpoint;
    private final List<String> asked = new ArrayList<>();
    private ButtonType answer;
    private Stage stage;
    private Path folder;

    /** A run of the synthetic data, interrupted after 8,000 samples: its checkpoint, as a dead process left it. */
    private static Path interruptedRun(Path folder) throws Exception {
        Path data = SyntheticData.writeIdx(dir.resolve("idx"));
        MnistData mnist = DataSetLoader.load(data);
        TrainingConfig config = Preset.BEST.config(3).withArchitecture(new Architecture(List.of(64, 16, 10), Activation.RELU,
                Activation.SOFTMAX, true)).withIterations(ITERATIONS).withThreads(1);
        Path file = folder.resolve("best-interrupted.npz");
        Trainer trainer = new Trainer(config, mnist, new RunControl()).autosave(Autosave.everyIterations(8_000, file));
        assertThrows(IllegalStateException.class, () -> trainer.run(new TrainingListener() {
            @Override
            public void saved(Path f, long iteration) {
                throw new IllegalStateException("crash");
            }
        }));
        RunState saved = RunStateFile.load(file);
        RunStateFile.save(file, new RunState(saved.config(), saved.network(), saved.optimiser(), saved.iterations(),
                saved.seconds(), saved.data(), saved.savedAt(), -1));
        return file;
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        folder = Files.createDirectories(dir.resolve("checkpoints-" + System.nanoTime()));
        checkpoint = interruptedRun(folder);
        state = new AppState();
        window = Views.load(MainWindow.class, state).controller();
        window.viewModel().setCheckpointFolder(folder);
        window.setResumeHandler((owner, message) -> {
            asked.add(message);
            return Optional.of(answer);
        });
        window.setCloseHandlers((owner, message) -> Optional.of(Dialogs.DISCARD), () -> { });
    }

    /** Starts the app, which finds the interrupted run, and answers {@code button} when it asks. */
    private void startAnswering(ButtonType button) throws Exception {
        answer = button;
        WaitForAsyncUtils.asyncFx(() -> window.show(stage, new SettingsFile(folder.resolve("settings.json"))))
                .get(30, TimeUnit.SECONDS);
        offered();
    }

    private void offered() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !asked.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).contains("8,000 of 40,000 iterations (20.0%)"), asked.get(0));
    }

    @Test
    void resumeGoesOnWithTheRunOnItsOwnDataToItsEnd() throws Exception {
        startAnswering(Dialogs.RESUME);
        TrainingViewModel training = window.training();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> training.resultProperty().get() != null);
        TrainingResult result = training.resultProperty().get();
        assertEquals(TrainingResult.Status.COMPLETED, result.status());
        assertEquals(ITERATIONS, result.iterations());
        assertEquals(500, state.dataProperty().get().training().size(), "the data set the run trained on was loaded");
        assertEquals("64,16,10", training.form().layersProperty().get(), "the form shows the resumed run");
        assertEquals(ITERATIONS - 8_000, training.rowsProperty().get().size(), "the log holds the iterations trained now");
        assertEquals(8_001, training.rowsProperty().get().get(0).iteration());
        assertEquals("Resumed after iteration 8,000", training.logNoteProperty().get());
        assertEquals("32,000 iterations · ", training.logSummaryProperty().get().substring(0, 20));
        assertFalse(Files.exists(checkpoint), "the finished run deleted its checkpoint");
    }

    @Test
    void discardDeletesTheCheckpoint() throws Exception {
        startAnswering(Dialogs.DISCARD);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(checkpoint));
        assertFalse(window.training().runningProperty().get());
        assertNull(window.viewModel().interruptedRunProperty().get());
    }

    @Test
    void laterKeepsItForNextTime() throws Exception {
        startAnswering(Dialogs.LATER);
        assertTrue(Files.exists(checkpoint));
        assertFalse(window.training().runningProperty().get());
        assertNotNull(RunStateFile.summary(checkpoint));
    }
}
