package org.mnistrecognition.training;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.network.Forward;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.kernels.Kernels;

/** Measures a network on a labelled set: accuracy and confusion matrix, on all cores. */
public final class Evaluator {
    private Evaluator() {
    }

    /** The confusion matrix of {@code network} on every image of {@code data}. */
    public static Evaluation evaluate(Network network, DataSet data) {
        int classes = network.outputSize();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), data.size() / 1000));
        if (threads == 1) {
            return new Evaluation(confusion(network, data, 0, data.size(), classes));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evaluate");
            t.setDaemon(true);
            return t;
        });
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
