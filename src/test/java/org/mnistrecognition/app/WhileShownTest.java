package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Out of view, refresh requests wait and run once when the view shows; in view, one refresh at a time. */
class WhileShownTest {
    @Test
    void requestsOutOfViewRunOnceWhenShown() {
        AtomicInteger runs = new AtomicInteger();
        WhileShown refresh = new WhileShown(done -> {
            runs.incrementAndGet();
            done.run();
        });
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

    @Test
    void requestsWhileARefreshIsUnderWayMakeOneMoreOnceItIsDone() {
        AtomicInteger runs = new AtomicInteger();
        Runnable[] pending = new Runnable[1];
        WhileShown refresh = new WhileShown(done -> {
            runs.incrementAndGet();
            pending[0] = done;
        });
        refresh.request();
        refresh.request();
        refresh.request();
        assertEquals(1, runs.get(), "one refresh at a time");
        pending[0].run();
        assertEquals(2, runs.get(), "the requests meanwhile: one more, once the first is done");
        pending[0].run();
        assertEquals(2, runs.get(), "nothing asked meanwhile: nothing run");
    }
}
