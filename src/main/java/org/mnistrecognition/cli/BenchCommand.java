package org.mnistrecognition.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.network.Forward;
import org.mnistrecognition.network.Network;
import org.mnistrecognition.network.kernels.Kernels;
import org.mnistrecognition.training.Evaluator;
import org.mnistrecognition.training.ImageResults;
import org.mnistrecognition.training.Preset;
import org.mnistrecognition.training.RunControl;
import org.mnistrecognition.training.Trainer;
import org.mnistrecognition.training.TrainingConfig;
import org.mnistrecognition.training.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: training throughput and inference latency, as medians of several runs. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training throughput (samples/s) of the seed preset and of mini-batch training of the same "
                + "784-200-200-10 network, the latency of one forward pass, and the time of a full test evaluation of the "
                + "bundled model as the app does it; medians of several runs.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;


    /** Keeps the forward passes' results alive so that the JIT cannot drop them. */
    private static volatile double blackhole;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Measured runs per figure (after one warm-up). Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "50000", description = "Samples per training run. Default: ${DEFAULT-VALUE}.")
    long iterations;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--data", paramLabel = "DIR|FILE.npz", description = "Data set. Default: the bundled MNIST.")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || iterations < 1 || batch < 1) {
            err().println("error: --runs, --iterations and --batch must be positive");
            return Cli.USAGE;
        }
        MnistData mnist = DataOptions.load(data);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = Math.min(2, cores);
        out().printf(Locale.ROOT, "java %s, %d cores, kernels: %s%n", System.getProperty("java.version"), cores,
                Kernels.best().name());
        TrainingConfig seed = Preset.SEED.config(1).withIterations(iterations);
        report("seed preset, batch 1, " + threads + " threads", "samples/s", train(seed.withThreads(threads), mnist));
        if (threads > 1) {
            report("seed preset, batch 1, 1 thread", "samples/s", train(seed.withThreads(1), mnist));
        }
        TrainingConfig mini = seed.withBatchSize(batch).withPreset("bench");
        report("784-200-200-10, batch " + batch + ", " + threads + " threads", "samples/s", train(mini.withThreads(threads), mnist));
        report("forward pass, one image", "µs", forwardLatency(Network.initialise(seed.architecture(), seed.initialisation(), 1),
                mnist.test().size() > 0 ? mnist.test() : mnist.training()));
        if (mnist.test().size() > 0) {
            Network model = bundledOrSeed(seed);
            report("test evaluation, " + String.format(Locale.ROOT, "%,d", mnist.test().size()) + " images, "
                    + model.architecture().describe(), "ms", evaluation(model, mnist.test()));
        }
        return 0;
    }

    /** The bundled model (what the app evaluates at start), or an untrained seed network without one. */
    private static Network bundledOrSeed(TrainingConfig seed) {
        try {
            return ModelFile.load(ModelFile.bundledModel()).network();
        } catch (IOException e) {
            return Network.initialise(seed.architecture(), seed.initialisation(), 1);
        }
    }

    /** Milliseconds per full evaluation of {@code images} as the app's test screen does it (guesses, top three), per run. */
    private double[] evaluation(Network network, DataSet images) throws InterruptedException {
        double[] millis = new double[runs];
        for (int r = -1; r < runs; r++) {
            long start = System.nanoTime();
            ImageResults results = Evaluator.evaluateImages(network, images, (done, total) -> { });
            blackhole = results.confidence(0);
            if (r >= 0) {
                millis[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        return millis;
    }

    private void report(String what, String unit, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        StringBuilder all = new StringBuilder();
        for (double v : values) {
            all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, unit.equals("samples/s") ? "%,.0f" : "%.2f", v));
        }
        out().printf(Locale.ROOT, unit.equals("samples/s") ? "%-44s %,10.0f %s  (runs: %s)%n" : "%-44s %10.2f %s  (runs: %s)%n",
                what, median, unit, all);
    }

    /** Samples/s of each measured run, after a warm-up run. */
    private double[] train(TrainingConfig config, MnistData mnist) throws InterruptedException {
        double[] speeds = new double[runs];
        for (int r = -1; r < runs; r++) {
            Trainer trainer = new Trainer(config, withoutEvaluation(mnist), new RunControl());
            double speed = trainer.run(new TrainingListener() { }).samplesPerSecond();
            if (r >= 0) {
                speeds[r] = speed;
            }
        }
        return speeds;
    }

    /** The same training data with no validation or test images, so that runs time training alone. */
    private static MnistData withoutEvaluation(MnistData mnist) {
        DataSet t = mnist.training();
        DataSet none = DataSet.empty("none", t.rows(), t.cols());
        return new MnistData(t, none, none, mnist.source());
    }

    /** Mean microseconds per forward pass over 10,000 images, for each measured run. */
    private double[] forwardLatency(Network network, DataSet images) {
        Forward forward = new Forward(network, Kernels.best());
        double[] input = new double[images.pixelsPerImage()];
        int n = 10_000;
        double[] micros = new double[runs];
        double sink = 0;
        for (int r = -1; r < runs; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                images.copyImage(i % images.size(), input);
                sink += forward.run(input)[0];
            }
            if (r >= 0) {
                micros[r] = (System.nanoTime() - start) / 1e3 / n;
            }
        }
        blackhole = sink;
        return micros;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
