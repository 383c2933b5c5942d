package org.mnistrecognition.training;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.network.Forward;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.Prediction;
import org.mnistrecognition.network.kernels.Kernels;

/**
 * Measures a network on a labelled set, on all cores: accuracy and confusion matrix, or what it
 * made of each image ({@link ImageResults}).
 */
public final class Evaluator {
    /** How many images a worker reads between two looks at progress and cancellation. */
    private static final int CHUNK = 250;

    /** Hears how far an evaluation has got; called from its worker threads, so it must be thread-safe and quick. */
    @FunctionalInterface
    public interface ProgressSink {
        /** {@code done} of {@code total} images read so far. */
        void progress(int done, int total);
    }

    private Evaluator() {
    }

    /**
     * What {@code network} makes of every image of {@code data}: its likeliest classes and their
     * probabilities, on all cores.
     *
     * @param progress told every few hundred images how many are done
     * @throws InterruptedException if the calling thread is interrupted (the workers stop too)
     * @throws IllegalArgumentException if the images do not fit the network's input or a label its outputs
     */
    public static ImageResults evaluateImages(Network network, DataSet data, ProgressSink progress) throws InterruptedException {
        check(network, data);
        int n = data.size();
        int classes = network.outputSize();
        int ranks = ImageResults.ranks(classes);
        byte[] top = new byte[n * ranks];
        float[] probability = new float[n * ranks];
        int threads = threads(n);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = pool(threads);
        try {
            Future<?>[] parts = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) n * t / threads);
                int to = (int) ((long) n * (t + 1) / threads);
                parts[t] = pool.submit(() -> {
                    rank(network, data, from, to, ranks, top, probability, done, progress);
                    return null;
                });
            }
            for (Future<?> part : parts) {
                part.get();
            }
            // a finished part's get() does not look at the interrupt: a small set may be done before it
            if (Thread.interrupted()) {
                throw new InterruptedException("evaluation interrupted");
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw new InterruptedException("evaluation interrupted");
            }
            throw new IllegalStateException("evaluation failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new ImageResults(classes, data.labels().clone(), top, probability);
    }

    private static void rank(Network network, DataSet data, int from, int to, int ranks, byte[] top, float[] probability,
                             AtomicInteger done, ProgressSink progress) throws InterruptedException {
        Forward forward = new Forward(network, Kernels.best());
        int[] indices = new int[data.pixelsPerImage()];
        double[] values = new double[data.pixelsPerImage()];
        boolean[] taken = new boolean[network.outputSize()];
        for (int i = from; i < to; i++) {
            int nnz = data.copyNonZero(i, indices, values);
            double[] out = forward.runSparse(indices, values, nnz);
            // ranked by the raw outputs, as the guess of evaluate() is their argmax; NaN ranks last
            double[] p = Prediction.of(out, network.architecture().output()).probabilities();
            Arrays.fill(taken, false);
            for (int k = 0; k < ranks; k++) {
                int best = -1;
                for (int c = 0; c < out.length; c++) {
                    if (!taken[c] && (best < 0 || out[c] > out[best] || Double.isNaN(out[best]) && !Double.isNaN(out[c]))) {
                        best = c;
                    }
                }
                taken[best] = true;
                top[i * ranks + k] = (byte) best;
                probability[i * ranks + k] = (float) p[best];
            }
            int read = i - from + 1;
            if (read % CHUNK == 0 || i == to - 1) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("evaluation interrupted");
                }
                progress.progress(done.addAndGet(read % CHUNK == 0 ? CHUNK : read % CHUNK), data.size());
            }
        }
    }

    /**
     * The mean probability {@code network} gives each image's true label (see
     * {@link org.mnistrecognition.network.Prediction}): how sure it is of the right answer, on
     * average; NaN for an empty set. On the calling thread: for small sets.
     */
    public static double meanProbabilityOfLabel(Network network, DataSet data) {
        check(network, data);
        if (data.isEmpty()) {
            return Double.NaN;
        }
        Forward forward = new Forward(network, Kernels.best());
        int[] indices = new int[data.pixelsPerImage()];
        double[] values = new double[data.pixelsPerImage()];
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            int nnz = data.copyNonZero(i, indices, values);
            sum += Prediction.of(forward.runSparse(indices, values, nnz), network.architecture().output())
                    .probabilities()[data.label(i)];
        }
        return sum / data.size();
    }

    private static void check(Network network, DataSet data) {
        if (data.pixelsPerImage() != network.inputSize()) {
            throw new IllegalArgumentException("the network takes " + network.inputSize() + " inputs but the " + data.name()
                    + " images have " + data.pixelsPerImage() + " pixels (" + data.rows() + "x" + data.cols() + ")");
        }
        for (int i = 0; i < data.size(); i++) {
            if (data.label(i) >= network.outputSize()) {
                throw new IllegalArgumentException("the network tells " + network.outputSize() + " classes apart but "
                        + data.name() + " image " + i + " is labelled " + data.label(i));
            }
        }
    }

    private static int threads(int images) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), images / 1000));
    }

    private static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evaluate");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The confusion matrix of {@code network} on every image of {@code data} (all zeros for no image).
     *
     * @throws IllegalArgumentException if the images do not fit the network, or a label is not one of its classes
     */
    public static Evaluation evaluate(Network network, DataSet data) {
        check(network, data);
        int classes = network.outputSize();
        int threads = threads(data.size());
        if (threads == 1) {
            return new Evaluation(confusion(network, data, 0, data.size(), classes));
        }
        ExecutorService pool = pool(threads);
        try {
            @SuppressWarnings("unchecked")
            Future<int[][]>[] parts = new Future[threads];
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) data.size() * t / threads);
                int to = (int) ((long) data.size() * (t + 1) / threads);
                parts[t] = pool.submit(() -> confusion(network, data, from, to, classes));
            }
            int[][] total = new int[classes][classes];
            for (Future<int[][]> part : parts) {
                int[][] c = part.get();
                for (int i = 0; i < classes; i++) {
                    for (int j = 0; j < classes; j++) {
                        total[i][j] += c[i][j];
                    }
                }
            }
            return new Evaluation(total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int[][] confusion(Network network, DataSet data, int from, int to, int classes) {
        Forward forward = new Forward(network, Kernels.best());
        int[] indices = new int[data.pixelsPerImage()];
        double[] values = new double[data.pixelsPerImage()];
        int[][] confusion = new int[classes][classes];
        for (int i = from; i < to; i++) {
            int nnz = data.copyNonZero(i, indices, values);
            double[] out = forward.runSparse(indices, values, nnz);
            confusion[data.label(i)][Network.argmax(out, 0, out.length)]++;
        }
        return confusion;
    }
}
