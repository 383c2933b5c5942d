package org.mnistrecognition.app.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mnistrecognition.app.DrawingBoard;
import org.mnistrecognition.app.Feedback;
import org.mnistrecognition.app.Jobs;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Network;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Stand-ins for the view models' tests: jobs whose tasks run at once on the FX thread (their
 * outcomes heard through the FX event queue, as in the app), a way to act and wait for them, a
 * drawing board, feedback.
 */
final class Fakes {
    /** Runs work at once, on the calling thread. */
    static final Executor NOW = Runnable::run;
    /** How many jobs' tasks have run. */
    private static final AtomicInteger TASKS = new AtomicInteger();

    static {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX toolkit did not start", e);
        }
    }

    private Fakes() {
    }

    /** Jobs whose tasks run at once on the thread that starts them (the FX thread, in {@link #act}). */
    static Jobs jobsNow() {
        return new Jobs(task -> {
            TASKS.incrementAndGet();
            task.run();
        });
    }

    /**
     * Does {@code action} on the FX thread, then waits until the outcome of every job it started
     * has been heard, and of every job those outcomes started in turn: until a pass through the FX
     * event queue runs no new task. (The 30 s limit of each pass guards against a hang only.)
     */
    static void act(Runnable action) {
        onFx(action);
        int seen;
        do {
            seen = TASKS.get();
            onFx(() -> { });
        } while (TASKS.get() != seen);
    }

    private static void onFx(Runnable action) {
        try {
            WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A network of {@code inputs}-16-10 with weights drawn from {@code seed}. */
    static Network network(int inputs, long seed) {
        return Network.initialise(new Architecture(List.of(inputs, 16, 10), Activation.SIGMOID, Activation.SOFTMAX, true),
                Initialisation.XAVIER, seed);
    }

    /** A drawing pane that remembers what was put on it. */
    static final class Board implements DrawingBoard {
        final ReadOnlyObjectWrapper<double[]> input = new ReadOnlyObjectWrapper<>();
        double[] shown;
        int side;
        int label = -1;
        int clears;

        @Override
        public void show(double[] picture, int side, int label) {
            this.shown = picture.clone();
            this.side = side;
            this.label = label;
        }

        @Override
        public void clear() {
            clears++;
            input.set(null);
        }

        @Override
        public double[] inputNow() {
            return input.get();
        }

        @Override
        public ReadOnlyObjectProperty<double[]> inputProperty() {
            return input.getReadOnlyProperty();
        }
    }

    /** Feedback that keeps every message. */
    static final class Messages implements Feedback {
        final List<String> errors = new ArrayList<>();
        final List<String> news = new ArrayList<>();

        @Override
        public void error(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public void info(String title, String message) {
            news.add(title + ": " + message);
        }
    }
}
