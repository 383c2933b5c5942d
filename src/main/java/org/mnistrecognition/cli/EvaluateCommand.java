package org.mnistrecognition.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.model.Model;
import org.mnistrecognition.training.Evaluation;
import org.mnistrecognition.training.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: a model's confusion matrix and accuracy on a data set's test images. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Print a model's 10x10 confusion matrix on the test set, then 'test accuracy: ...'.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;


    @Option(names = "--model", paramLabel = "FILE", description = "Model file (.npz). Default: the bundled model.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR|FILE.npz", description = "Data set. Default: the bundled MNIST.")
    Path data;

    @Override
    public Integer call() throws Exception {
        Model m = ModelFiles.load(model);
        MnistData mnist = DataOptions.load(data);
        if (mnist.test().size() == 0) {
            err().println("error: " + mnist.source() + " has no test images");
            return Cli.FAILED;
        }
        Evaluation e = Evaluator.evaluate(m.network(), mnist.test());
        out().print(confusionTable(e));
        out().println(e.accuracyLine("test"));
        return 0;
    }

    /** The confusion matrix as text: a row per true digit, a column per guess. */
    static String confusionTable(Evaluation e) {
        StringBuilder b = new StringBuilder("actual \\ guess");
        int[][] c = e.confusion();
        for (int j = 0; j < c.length; j++) {
            b.append(String.format("%6d", j));
        }
        b.append(String.format("%9s%n", "recall"));
        for (int i = 0; i < c.length; i++) {
            b.append(String.format("%14d", i));
            for (int j = 0; j < c.length; j++) {
                b.append(String.format("%6d", c[i][j]));
            }
            b.append(String.format(java.util.Locale.ROOT, "%9.4f%n", e.recall(i)));
        }
        return b.toString();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
