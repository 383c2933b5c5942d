package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingListenerTest {
    /** A listener that writes down what it hears, as {@code NAME event}. */
    private static TrainingListener recording(String name, List<String> heard) {
        return new TrainingListener() {
            @Override
            public void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
                heard.add(name + " iteration " + iteration);
            }

            @Override
            public void progress(Progress progress) {
                heard.add(name + " progress");
            }

            @Override
            public void checkpoint(Checkpoint checkpoint) {
                heard.add(name + " checkpoint");
            }

            @Override
            public void saved(Path file, long iteration) {
                heard.add(name + " saved " + iteration);
            }

            @Override
            public void notSaved(Path file, String problem) {
                heard.add(name + " not saved " + problem);
            }
        };
    }

    @Test
    void allTellsEveryListenerEveryEventInOrderLeavingOutNulls() {
        List<String> heard = new ArrayList<>();
        TrainingListener all = TrainingListener.all(recording("a", heard), null, recording("b", heard));
        all.iteration(7, 0, 1, 1, 0.5);
        all.progress(null);
        all.checkpoint(null);
        all.saved(Path.of("run.npz"), 9);
        all.notSaved(Path.of("run.npz"), "full");
        assertEquals(List.of("a iteration 7", "b iteration 7", "a progress", "b progress", "a checkpoint", "b checkpoint",
                "a saved 9", "b saved 9", "a not saved full", "b not saved full"), heard);
    }
}
