package org.mnistrecognition.app.drawing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;

/**
 * Runs work on the FX thread at the next pulse, before the scene is laid out and rendered: what it changes is
 * on screen in the same frame. The timer runs only while work waits, so an idle pane costs no frames.
 * {@link #execute} must be called on the FX thread.
 */
final class NextPulse implements Executor {
    private final Queue<Runnable> work = new ArrayDeque<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            for (Runnable next = work.poll(); next != null; next = work.poll()) {
                next.run();
            }
        }
    };

    @Override
    public void execute(Runnable command) {
        work.add(command);
        timer.start();
    }
}
