package org.mnistrecognition.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.SyntheticData;
import org.mnistrecognition.training.TrainingConfig;

class WarmUpTest {
    private static final TrainingConfig SMALL = Preset.SEED.config(1)
            .withArchitecture(new Architecture(List.of(64, 16, 10), Activation.SIGMOID, Activation.SIGMOID, false));

    @Test
    void runsItsSamplesToTheEnd() throws Exception {
        WarmUp warmUp = new WarmUp(SMALL, SyntheticData.create(), 2, 500);
        warmUp.start();

        assertTrue(warmUp.awaitEnd(30_000), "the warm-up ends");
        assertEquals(500, warmUp.trained());
    }

    @Test
    void stopsWhenAskedLongBeforeItsEnd() throws Exception {
        MnistData data = SyntheticData.create();
        WarmUp warmUp = new WarmUp(SMALL, data, 2, 1_000_000_000L);
        warmUp.start();
        warmUp.stop();

        assertTrue(warmUp.awaitEnd(30_000), "the warm-up ends once stopped");
        assertTrue(warmUp.trained() >= 0 && warmUp.trained() < 1_000_000_000L, "stopped after " + warmUp.trained());
    }
}
