package org.mnistrecognition.training;

import java.util.Objects;
import java.util.SplittableRandom;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Network;

/**
 * Fine-tuning a trained network on a person's own digits without making it forget MNIST: a few
 * epochs over a mix of the personal digits, repeated, and {@value #MNIST_SHARE} times as many
 * MNIST training images drawn at random, then the accuracy on both before and after.
 */
public final class FineTuning {
    /** About how many personal samples an epoch holds (the personal digits repeated to reach it). */
    public static final int PERSONAL_PER_EPOCH = 1000;
    /** The most times one personal digit is repeated in an epoch. */
    public static final int MAX_REPEATS = 50;
    /** How many MNIST images go into an epoch for each personal sample. */
    public static final int MNIST_SHARE = 3;
    /** Samples per step. */
    static final int BATCH = 16;

    /**
     * How to fine-tune.
     *
     * @param epochs passes over the {@link #mix}, at least 1
     * @param maxShift each image is shifted by up to this many pixels (1 suits MNIST's 28x28 digits)
     * @param seed seeds the MNIST sample, the shuffling and the shifts
     */
    public record Plan(int epochs, int maxShift, long seed) {
        public Plan {
            if (epochs < 1) {
                throw new IllegalArgumentException("fine-tune for at least one epoch, not " + epochs);
            }
        }

        /** Three epochs, shifts of up to a pixel. */
        public static Plan standard(long seed) {
            return new Plan(3, 1, seed);
        }
    }

    /**
     * How a fine-tuning went.
     *
     * @param network the tuned network (a new one; the original is left as it was)
     * @param personalBefore the original network on the personal digits
     * @param personalAfter the tuned network on them
     * @param sureBefore the mean probability the original network gives the personal digits' true labels
     * @param sureAfter the same for the tuned network
     * @param testBefore the original network on the MNIST test set (empty without one)
     * @param testAfter the tuned network on it
     * @param training the tuning run itself
     */
    public record Result(Network network, Evaluation personalBefore, Evaluation personalAfter, double sureBefore,
                         double sureAfter, Evaluation testBefore, Evaluation testAfter, TrainingResult training) {
    }

    private FineTuning() {
    }

    /** How many times each of {@code personal} digits goes into an epoch. */
    public static int repeats(int personal) {
        if (personal <= 0) {
            return 0;
        }
        return Math.max(1, Math.min(MAX_REPEATS, (PERSONAL_PER_EPOCH + personal - 1) / personal));
    }

    /** The samples a fine-tuning of {@code network} as {@code plan} says trains on, for {@code personal} digits. */
    public static long totalIterations(Network network, Plan plan, int personal) {
        return config(network, plan).totalIterations(epochSize(personal));
    }

    /** The samples of one epoch ({@link #mix}) for {@code personal} digits: theirs repeated, and MNIST's share. */
    private static int epochSize(int personal) {
        return (1 + MNIST_SHARE) * personal * repeats(personal);
    }

    /**
     * One epoch's training set: every personal digit {@link #repeats} times, then
     * {@value #MNIST_SHARE} times as many MNIST images drawn at random (without repeats while there
     * are enough) with {@code seed}.
     *
     * @throws IllegalArgumentException if there is no personal digit, no MNIST image, or their sizes differ
     */
    public static DataSet mix(DataSet personal, DataSet mnist, long seed) {
        if (personal.isEmpty()) {
            throw new IllegalArgumentException("there are no digits of yours to fine-tune on");
        }
        if (mnist.isEmpty()) {
            throw new IllegalArgumentException("there are no MNIST training images to mix in");
        }
        if (personal.rows() != mnist.rows() || personal.cols() != mnist.cols()) {
            throw new IllegalArgumentException("your digits are " + personal.rows() + "x" + personal.cols()
                    + " but the training images are " + mnist.rows() + "x" + mnist.cols());
        }
        int px = personal.pixelsPerImage();
        int total = epochSize(personal.size());
        int own = personal.size() * repeats(personal.size());
        int others = total - own;
        byte[] pixels = new byte[total * px];
        byte[] labels = new byte[total];
        for (int k = 0; k < own; k++) {
            int i = k % personal.size();
            System.arraycopy(personal.pixels(), i * px, pixels, k * px, px);
            labels[k] = (byte) personal.label(i);
        }
        int[] picks = sample(mnist.size(), others, new SplittableRandom(seed));
        for (int k = 0; k < others; k++) {
            System.arraycopy(mnist.pixels(), picks[k] * px, pixels, (own + k) * px, px);
            labels[own + k] = (byte) mnist.label(picks[k]);
        }
        return new DataSet("your handwriting with MNIST", personal.rows(), personal.cols(), pixels, labels);
    }

    /** {@code count} indices below {@code n}: distinct while {@code count ≤ n} (a partial shuffle), else with repeats. */
    private static int[] sample(int n, int count, SplittableRandom random) {
        int[] picks = new int[count];
        if (count > n) {
            for (int k = 0; k < count; k++) {
                picks[k] = random.nextInt(n);
            }
            return picks;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int k = 0; k < count; k++) {
            int j = k + random.nextInt(n - k);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
            picks[k] = order[k];
        }
        return picks;
    }

    /**
     * The configuration that tunes {@code network}: its own architecture; cross-entropy for a
     * softmax output, else the quadratic cost; mini-batches of {@value #BATCH} with momentum 0.9,
     * a gentle learning rate on a cosine schedule, shuffled, shifted as {@code plan} says; one
     * thread (the app keeps the other core for the window).
     */
    public static TrainingConfig config(Network network, Plan plan) {
        boolean softmax = network.architecture().output() == Activation.SOFTMAX;
        return new TrainingConfig("fine-tune", network.architecture(), Initialisation.XAVIER,
                softmax ? Cost.CROSS_ENTROPY : Cost.QUADRATIC, softmax ? 0.003 : 0.02, BATCH, 0.9, 0, Schedule.COSINE,
                0, plan.epochs(), plan.seed(), true, false, plan.maxShift(), 1);
    }

    /**
     * Tunes a copy of {@code network} as {@code plan} says on {@link #mix}es and measures it
     * before and after on the personal digits and on {@code mnist}'s test set.
     *
     * @param listener hears the tuning run as a {@link Trainer}'s listener does
     * @throws InterruptedException if the thread is interrupted while waiting for the workers
     */
    public static Result run(Network network, DataSet personal, MnistData mnist, Plan plan, RunControl control,
                             TrainingListener listener) throws InterruptedException {
        Objects.requireNonNull(network, "network");
        DataSet mixed = mix(personal, mnist.training(), plan.seed());
        TrainingConfig config = config(network, plan);
        Evaluation personalBefore = Evaluator.evaluate(network, personal);
        double sureBefore = Evaluator.meanProbabilityOfLabel(network, personal);
        Evaluation testBefore = Evaluator.evaluate(network, mnist.test());
        MnistData data = new MnistData(mixed, DataSet.empty("validation", mixed.rows(), mixed.cols()), mnist.test(),
                mnist.source());
        TrainingResult result = new Trainer(config, data, network.copy(), control).run(listener);
        Evaluation personalAfter = Evaluator.evaluate(result.network(), personal);
        return new Result(result.network(), personalBefore, personalAfter, sureBefore,
                Evaluator.meanProbabilityOfLabel(result.network(), personal), testBefore, result.test(), result);
    }
}
