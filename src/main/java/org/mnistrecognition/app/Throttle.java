package org.mnistrecognition.app;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs an action on the FX thread at most once per interval however often it is requested: at
 * once if the last run was long enough ago, else once when the interval is up. For views that
 * follow a fast stream of updates (a redraw, a scroll) without doing the work for every one.
 */
public final class Throttle {
    private final long intervalNanos;
    private final Runnable action;
    private final PauseTransition later;
    private long lastRunAt;
    private boolean pending;

    /** Runs {@code action} at most once every {@code intervalMillis} milliseconds; FX thread only. */
    public Throttle(long intervalMillis, Runnable action) {
        this.intervalNanos = intervalMillis * 1_000_000;
        this.action = action;
        this.lastRunAt = System.nanoTime() - intervalNanos;
        this.later = new PauseTransition();
        later.setOnFinished(e -> {
            pending = false;
            run();
        });
    }

    /** Asks for the action to run (now, or at the end of the interval). */
    public void request() {
        if (pending) {
            return;
        }
        long wait = intervalNanos - (System.nanoTime() - lastRunAt);
        if (wait <= 0) {
            run();
        } else {
            pending = true;
            later.setDuration(Duration.millis(wait / 1e6));
            later.playFromStart();
        }
    }

    private void run() {
        lastRunAt = System.nanoTime();
        action.run();
    }
}
