package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Out of view, refresh requests wait and run once when the view shows. */
class WhileShownTest {
    @Test
    void requestsOutOfViewRunOnceWhenShown() {
        AtomicInteger runs = new AtomicInteger();
        WhileShown refresh = new WhileShown(runs::incrementAndGet);
        refresh.request();
        assertEquals(1, runs.get(), "shown: at once");
        refresh.shownProperty().set(false);
        refresh.request();
        refresh.request();
        refresh.request();
        assertEquals(1, runs.get(), "hidden: not yet");
        refresh.shownProperty().set(true);
        assertEquals(2, runs.get(), "shown again: once");
        refresh.shownProperty().set(false);
        refresh.shownProperty().set(true);
        assertEquals(2, runs.get(), "nothing asked meanwhile: nothing run");
    }
}
