package org.mnistrecognition.training;

import java.util.Locale;
import org.mnistrecognition.data.HeapRoom;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Initialisation;

/**
 * Everything that determines a training run; the same configuration on the same data gives the
 * same run, bit for bit.
 *
 * @param preset the preset this came from ({@code seed}, {@code seed-fixed}, {@code best}) or {@code custom}
 * @param architecture layer sizes, activations and whether biases are used
 * @param initialisation how the initial weights are drawn
 * @param cost the cost function
 * @param learningRate the SGD step size (the initial one, with a schedule)
 * @param batchSize samples per step; 1 is the original's one-sample-at-a-time SGD
 * @param momentum classical momentum in [0, 1); 0 for plain SGD
 * @param weightDecay L2 penalty on the weights (not the biases); 0 for none
 * @param schedule how the learning rate changes over the run
 * @param iterations how many samples to train on, or 0 to use {@code epochs}
 * @param epochs how many passes over the training set, used when {@code iterations} is 0
 * @param seed seeds the initial weights, the shuffling and the augmentation
 * @param shuffle whether each epoch visits the training set in a new random order (the original went in order)
 * @param originalStepOrder the original's order of steps: each iteration first applies the previous
 *        sample's gradient, then runs forward and back, so the last sample's gradient is never applied
 * @param maxShift augmentation: each training image is shifted by up to this many pixels in x and y (0 = none)
 * @param threads worker threads for mini-batch training (batch 1 always uses one)
 */
public record TrainingConfig(String preset, Architecture architecture, Initialisation initialisation, Cost cost,
                             double learningRate, int batchSize, double momentum, double weightDecay,
                             Schedule schedule, long iterations, double epochs, long seed, boolean shuffle,
                             boolean originalStepOrder, int maxShift, int threads) {

    /** The most training threads a configuration may ask for. */
    public static final int MAX_THREADS = 64;
    /** The number of output units every network needs: one per digit. */
    public static final int CLASSES = 10;

    /** Refuses impossible settings with a {@link SettingException} a user can act on. */
    public TrainingConfig {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new SettingException(Setting.LEARNING_RATE, "the learning rate must be a positive number, got " + learningRate);
        }
        if (batchSize < 1) {
            throw new SettingException(Setting.BATCH_SIZE, "the batch size must be at least 1, got " + batchSize);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new SettingException(Setting.MOMENTUM, "momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new SettingException(Setting.WEIGHT_DECAY, "weight decay must be zero or positive, got " + weightDecay);
        }
        if (iterations < 0 || (iterations == 0 && !(epochs > 0 && Double.isFinite(epochs)))) {
            throw new SettingException(Setting.LENGTH, "give a positive number of iterations or epochs");
        }
        if (!cost.supports(architecture.output())) {
            throw new SettingException(Setting.COST, "the " + cost.id() + " cost needs a sigmoid or softmax output, not "
                    + architecture.output().id());
        }
        if (maxShift < 0 || maxShift > 4) {
            throw new SettingException(Setting.SHIFT, "the augmentation shift must be 0 to 4 pixels, got " + maxShift);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new SettingException(Setting.THREADS, "threads must be 1 to " + MAX_THREADS + ", got " + threads);
        }
        for (int l = 0; l < architecture.depth(); l++) {
            long weights = (long) architecture.sizes().get(l) * architecture.sizes().get(l + 1);
            if (weights > Integer.MAX_VALUE - 16) {
                throw new SettingException(Setting.LAYERS, String.format(Locale.ROOT,
                        "layers of %,d and %,d units would need %,d weights between them, more than one array holds",
                        architecture.sizes().get(l), architecture.sizes().get(l + 1), weights));
            }
        }
    }

    /**
     * Refuses the settings that do not fit the data or the memory: a first layer with another
     * size than the images, a last layer that is not one unit per digit, so few epochs that they
     * round to no sample at all, a batch larger than the training set, or a network and batch that
     * would not fit in the memory Java has free.
     *
     * @param pixelsPerImage the number of pixels of each image: the first layer's size
     * @param trainingImages the size of the training set, or 0 when not known yet
     * @throws SettingException saying which setting and why
     */
    public void checkFits(int pixelsPerImage, int trainingImages) {
        if (architecture.inputSize() != pixelsPerImage) {
            throw new SettingException(Setting.LAYERS, "the first layer must have " + pixelsPerImage
                    + " units, one per image pixel, got " + architecture.inputSize());
        }
        if (architecture.outputSize() != CLASSES) {
            throw new SettingException(Setting.LAYERS, "the last layer must have " + CLASSES + " units, one per digit, got "
                    + architecture.outputSize());
        }
        if (trainingImages > 0 && totalIterations(trainingImages) < 1) {
            throw new SettingException(Setting.LENGTH, String.format(Locale.ROOT,
                    "%s epochs of %,d training images is not even one sample", epochs, trainingImages));
        }
        if (trainingImages > 0 && batchSize > trainingImages) {
            throw new SettingException(Setting.BATCH_SIZE, String.format(Locale.ROOT,
                    "the batch size %,d is larger than the training set (%,d images)", batchSize, trainingImages));
        }
        long need = memoryNeeded();
        long free = HeapRoom.room(need);
        if (need > free) {
            long batchPart = batchMemory();
            throw new SettingException(batchPart > need / 2 ? Setting.BATCH_SIZE : Setting.LAYERS, String.format(Locale.ROOT,
                    "this network%s needs about %,d MB of memory to train, more than the %,d MB Java has free",
                    batchPart > need / 2 ? String.format(Locale.ROOT, " with batches of %,d", batchSize) : "", need >> 20, free >> 20));
        }
    }

    /**
     * About how many bytes a run of this configuration needs: the weights several times over (the
     * network, its last good copy, the snapshots the app reads, a checkpoint's copy, velocities,
     * gradients) and the mini-batch engine's per-sample buffers.
     */
    long memoryNeeded() {
        long parameters = 0;
        for (int l = 0; l < architecture.depth(); l++) {
            parameters += ((long) architecture.sizes().get(l) + 1) * architecture.sizes().get(l + 1);
        }
        return 8 * parameters * 8 + batchMemory();
    }

    /**
     * The mini-batch engine's buffers, all single precision: each sample's sparse input (a position
     * and a value per pixel, and the same again grouped by pixel) and every layer's z, a and delta.
     */
    private long batchMemory() {
        if (plainSgd()) {
            return 0;
        }
        long units = 0;
        for (int l = 1; l < architecture.sizes().size(); l++) {
            units += architecture.sizes().get(l);
        }
        return (long) batchSize * (16L * architecture.inputSize() + 12L * units);
    }

    /** The number of samples this run trains on, for a training set of {@code trainingSize} images. */
    public long totalIterations(int trainingSize) {
        return iterations > 0 ? iterations : Math.round(epochs * trainingSize);
    }

    /** Whether the fast one-sample engine applies (batch 1, no momentum, decay, schedule or augmentation). */
    boolean plainSgd() {
        return batchSize == 1 && momentum == 0 && weightDecay == 0 && schedule == Schedule.CONSTANT && maxShift == 0;
    }

    /** A builder holding this configuration's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public TrainingConfig withPreset(String name) {
        return toBuilder().preset(name).build();
    }

    public TrainingConfig withArchitecture(Architecture a) {
        return toBuilder().preset("custom").architecture(a).build();
    }

    public TrainingConfig withCost(Cost c) {
        return toBuilder().preset("custom").cost(c).build();
    }

    public TrainingConfig withLearningRate(double lr) {
        return toBuilder().preset("custom").learningRate(lr).build();
    }

    public TrainingConfig withBatchSize(int b) {
        return toBuilder().preset("custom").batchSize(b).build();
    }

    public TrainingConfig withMomentum(double m) {
        return toBuilder().preset("custom").momentum(m).build();
    }

    public TrainingConfig withInitialisation(Initialisation i) {
        return toBuilder().preset("custom").initialisation(i).build();
    }

    public TrainingConfig withMaxShift(int pixels) {
        return toBuilder().preset("custom").maxShift(pixels).build();
    }

    /** Trains for exactly {@code n} samples. */
    public TrainingConfig withIterations(long n) {
        return toBuilder().iterations(n).epochs(0).build();
    }

    /** Trains for {@code e} passes over the training set. */
    public TrainingConfig withEpochs(double e) {
        return toBuilder().iterations(0).epochs(e).build();
    }

    public TrainingConfig withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    public TrainingConfig withThreads(int t) {
        return toBuilder().threads(t).build();
    }

    /** Changes some values of a configuration; {@link #build()} checks them all. */
    public static final class Builder {
        private String preset;
        private Architecture architecture;
        private Initialisation initialisation;
        private Cost cost;
        private double learningRate;
        private int batchSize;
        private double momentum;
        private double weightDecay;
        private Schedule schedule;
        private long iterations;
        private double epochs;
        private long seed;
        private boolean shuffle;
        private boolean originalStepOrder;
        private int maxShift;
        private int threads;

        private Builder(TrainingConfig c) {
            preset = c.preset;
            architecture = c.architecture;
            initialisation = c.initialisation;
            cost = c.cost;
            learningRate = c.learningRate;
            batchSize = c.batchSize;
            momentum = c.momentum;
            weightDecay = c.weightDecay;
            schedule = c.schedule;
            iterations = c.iterations;
            epochs = c.epochs;
            seed = c.seed;
            shuffle = c.shuffle;
            originalStepOrder = c.originalStepOrder;
            maxShift = c.maxShift;
            threads = c.threads;
        }

        public Builder preset(String v) {
            preset = v;
            return this;
        }

        public Builder architecture(Architecture v) {
            architecture = v;
            return this;
        }

        public Builder initialisation(Initialisation v) {
            initialisation = v;
            return this;
        }

        public Builder cost(Cost v) {
            cost = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder momentum(double v) {
            momentum = v;
            return this;
        }

        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        public Builder schedule(Schedule v) {
            schedule = v;
            return this;
        }

        public Builder iterations(long v) {
            iterations = v;
            return this;
        }

        public Builder epochs(double v) {
            epochs = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder shuffle(boolean v) {
            shuffle = v;
            return this;
        }

        public Builder originalStepOrder(boolean v) {
            originalStepOrder = v;
            return this;
        }

        public Builder maxShift(int v) {
            maxShift = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** The configuration; throws {@link IllegalArgumentException} for impossible settings. */
        public TrainingConfig build() {
            return new TrainingConfig(preset, architecture, initialisation, cost, learningRate, batchSize, momentum,
                    weightDecay, schedule, iterations, epochs, seed, shuffle, originalStepOrder, maxShift, threads);
        }
    }
}
