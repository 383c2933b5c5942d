package org.mnistrecognition.app.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mnistrecognition.app.DrawingBoard;
import org.mnistrecognition.app.Feedback;
import org.mnistrecognition.app.Jobs;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Network;

/** Stand-ins for the view models' tests: jobs run at once on the caller's thread, a drawing board, feedback. */
final class Fakes {
    /** Runs work and delivers outcomes at once, on the calling thread. */
    static final Executor NOW = Runnable::run;

    private Fakes() {
    }

    static Jobs jobsNow() {
        return new Jobs(NOW, NOW);
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
