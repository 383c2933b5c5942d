package org.mnistrecognition.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistrecognition.network.Networks.assertSameWeights;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.kernels.Kernels;

/** The trainer on small synthetic data: reproducible, observable, controllable. */
class TrainerTest {

    /** The small synthetic data set the tests train on (see {@link SyntheticData}). */
    static MnistData synthetic() {
        return SyntheticData.create();
    }

    static TrainingConfig small(Preset preset) {
        TrainingConfig c = preset.config(4);
        Architecture a = c.architecture();
        return c.withArchitecture(new Architecture(List.of(64, 32, 16, 10), a.hidden(), a.output(), a.bias()))
                .withPreset(preset.id()).withEpochs(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed", "seed-fixed", "best"})
    void sameSeedSameRunBitForBit(String preset) throws Exception {
        // on later JDKs the incubating Vector API may sum a vector's lanes in another order once C2
        // compiles the kernel, so the last bits of a run depend on when that happens
        Assumptions.assumeTrue(Runtime.version().feature() == 17 || !Kernels.best().name().startsWith("vector"),
                "bit-for-bit runs are promised on JDK 17, the project's JDK");
        TrainingConfig config = small(Preset.parse(preset));
        TrainingResult first = new Trainer(config, synthetic(), new RunControl()).run(new TrainingListener() { });
        TrainingResult second = new Trainer(config, synthetic(), new RunControl()).run(new TrainingListener() { });
        assertSameWeights(first.network(), second.network());
        TrainingResult other = new Trainer(config.withSeed(5), synthetic(), new RunControl()).run(new TrainingListener() { });
        assertFalse(java.util.Arrays.equals(first.network().layer(0).weights().data, other.network().layer(0).weights().data));
    }

    @Test
    void miniBatchRunsAreTheSameOnOneThreadOrTwo() throws Exception {
        TrainingConfig config = small(Preset.BEST).withBatchSize(13).withEpochs(2);
        Network one = new Trainer(config.withThreads(1), synthetic(), new RunControl()).run(new TrainingListener() { }).network();
        Network two = new Trainer(config.withThreads(2), synthetic(), new RunControl()).run(new TrainingListener() { }).network();
        assertSameWeights(one, two);
    }

    @Test
    void fewerWorkersThanPartsGiveTheSameRun() throws Exception {
        for (TrainingConfig config : new TrainingConfig[] {small(Preset.SEED).withIterations(3000).withThreads(2),
                small(Preset.BEST).withBatchSize(13).withEpochs(1).withThreads(2)}) {
            Network both = new Trainer(config, synthetic(), new RunControl()).run(new TrainingListener() { }).network();
            Network one = new Trainer(config, synthetic(), new RunControl()).workers(1).run(new TrainingListener() { }).network();
            assertSameWeights(both, one, String.valueOf(config.preset()));
        }
    }

    @Test
    void learnsAndReportsEveryIteration() throws Exception {
        TrainingConfig config = small(Preset.BEST).withMaxShift(0).withEpochs(10);
        AtomicLong iterations = new AtomicLong();
        AtomicLong lastIteration = new AtomicLong();
        AtomicReference<Progress> lastProgress = new AtomicReference<>();
        TrainingResult result = new Trainer(config, synthetic(), new RunControl()).run(new TrainingListener() {
            @Override
            public void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
                iterations.incrementAndGet();
                lastIteration.set(iteration);
                assertTrue(actual >= 0 && actual < 10 && guess >= 0 && guess < 10 && cost >= 0);
            }

            @Override
            public void progress(Progress p) {
                lastProgress.set(p);
            }
        });
        assertEquals(4000, iterations.get());
        assertEquals(4000, lastIteration.get());
        assertEquals(TrainingResult.Status.COMPLETED, result.status());
        assertEquals(4000, lastProgress.get().iteration());
        assertEquals(100, result.test().total());
        assertTrue(result.test().accuracy() > 0.9, "accuracy " + result.test().accuracy());
    }

    @Test
    void pausesResumesAndCancelsFromAnotherThread() throws Exception {
        TrainingConfig config = small(Preset.SEED).withIterations(50_000_000);
        RunControl control = new RunControl();
        CountDownLatch started = new CountDownLatch(1);
        AtomicLong seen = new AtomicLong();
        Trainer trainer = new Trainer(config, synthetic(), control).publishSnapshots(true);
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                result.set(trainer.run(new TrainingListener() {
                    @Override
                    public void iteration(long iteration, int sampleIndex, int actual, int guess, double cost) {
                        seen.set(iteration);
                        started.countDown();
                    }
                }));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        runner.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        control.pause();
        Thread.sleep(200);
        long paused = seen.get();
        Thread.sleep(300);
        assertEquals(paused, seen.get(), "no iteration while paused");
        assertNotNull(trainer.snapshot());
        control.resume();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.get() == paused && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(seen.get() > paused, "resumed");
        control.cancel();
        runner.join(10_000);
        assertFalse(runner.isAlive());
        assertEquals(TrainingResult.Status.CANCELLED, result.get().status());
        assertTrue(result.get().iterations() < 50_000_000);
    }

    @Test
    void aDivergingRunStopsAndKeepsFiniteWeights() throws Exception {
        TrainingConfig base = small(Preset.SEED_FIXED);
        TrainingConfig config = base.withArchitecture(new Architecture(List.of(64, 32, 16, 10), Activation.RELU,
                Activation.SIGMOID, true)).withCost(org.mnistrecognition.network.Cost.CROSS_ENTROPY)
                .withLearningRate(1e100).withIterations(2000);
        TrainingResult result = new Trainer(config, synthetic(), new RunControl()).run(new TrainingListener() { });
        assertEquals(TrainingResult.Status.DIVERGED, result.status());
        assertTrue(result.iterations() < 2000);
        assertTrue(result.network().isFinite());
    }

    @Test
    void slowsDownToTheRequestedSpeed() throws Exception {
        RunControl control = new RunControl();
        control.setSpeed(50);
        TrainingConfig config = small(Preset.SEED).withIterations(10);
        long start = System.nanoTime();
        TrainingResult result = new Trainer(config, synthetic(), control).run(new TrainingListener() { });
        assertEquals(10, result.iterations());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150), "10 iterations at 50/s take ~0.2 s");
    }

    @Test
    void impossibleSettingsAreRefusedWithAMessage() {
        TrainingConfig seed = Preset.SEED.config(1);
        assertEquals("the learning rate must be a positive number, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> seed.withLearningRate(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> seed.withBatchSize(0)).getMessage().contains("batch size"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Architecture(List.of(784, 0, 10), Activation.RELU, Activation.SOFTMAX, true)).getMessage().contains("positive"));
        IllegalArgumentException wrongInput = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(seed, synthetic(), new RunControl()));
        assertTrue(wrongInput.getMessage().contains("the first layer must have 64 units"), wrongInput.getMessage());
        IllegalArgumentException bigBatch = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(small(Preset.BEST).withBatchSize(1000), synthetic(), new RunControl()));
        assertTrue(bigBatch.getMessage().contains("larger than the training set"), bigBatch.getMessage());
    }

    @Test
    void theSeedPresetIsTheOriginalProgram() {
        TrainingConfig c = Preset.SEED.config(1);
        assertEquals(List.of(784, 200, 200, 10), c.architecture().sizes());
        assertEquals(Activation.SIGMOID, c.architecture().hidden());
        assertEquals(Activation.SIGMOID, c.architecture().output());
        assertFalse(c.architecture().bias());
        assertEquals(0.2, c.learningRate());
        assertEquals(1, c.batchSize());
        assertEquals(50_000, c.iterations());
        assertFalse(c.shuffle());
        assertTrue(c.originalStepOrder());
        Network n = Network.initialise(c.architecture(), c.initialisation(), 1);
        for (double w : n.layer(0).weights().data) {
            assertTrue(w >= 0 && w < 1 / Math.sqrt(784));
        }
    }

    @Test
    void accuracyLineFormat() {
        int[][] confusion = new int[10][10];
        confusion[3][3] = 9270;
        confusion[3][5] = 730;
        assertEquals("test accuracy: 0.9270 (9270/10000)", new Evaluation(confusion).accuracyLine("test"));
    }
}
