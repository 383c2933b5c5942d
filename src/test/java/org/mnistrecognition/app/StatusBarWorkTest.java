package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.app.training.TrainingViewModel;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Work started elsewhere (a picture being saved) in the main window's status bar: shown with its progress, holding nothing. */
class StatusBarWorkTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> what) throws Exception {
        return WaitForAsyncUtils.asyncFx(what).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPictureBeingSavedIsShownWithItsProgressAndHoldsNeitherTheModelNorStart() throws Exception {
        AppState state = new AppState();
        MainWindowViewModel model = fx(() -> new MainWindowViewModel(state, new TrainingViewModel(state)));
        String idle = fx(() -> model.statusTextProperty().get());
        assertTrue(idle.startsWith("Model: "), idle);

        MainWindowViewModel.Shown first = fx(() -> model.show("Saving a.png…"));
        assertEquals("Saving a.png…", fx(() -> model.statusTextProperty().get()));
        assertEquals(-1, fx(() -> model.busyProgressProperty().get()));
        assertFalse(fx(() -> model.busyProperty().get()));
        assertFalse(fx(() -> state.loadingProperty().get()));

        MainWindowViewModel.Shown second = fx(() -> model.show("Saving b.png…"));
        fx(() -> {
            first.progress(0.5);
            second.progress(0.25);
            return null;
        });
        assertEquals("Saving b.png…", fx(() -> model.statusTextProperty().get()));
        assertEquals(0.25, fx(() -> model.busyProgressProperty().get()));

        fx(() -> {
            second.ended();
            return null;
        });
        assertEquals("Saving a.png…", fx(() -> model.statusTextProperty().get()));
        assertEquals(0.5, fx(() -> model.busyProgressProperty().get()));
        fx(() -> {
            first.ended();
            return null;
        });
        assertEquals(idle, fx(() -> model.statusTextProperty().get()));
        assertEquals(0, fx(() -> model.busyProgressProperty().get()));
    }
}
