package org.mnistrecognition.cli;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mnistrecognition.Problems;
import org.mnistrecognition.model.Model;
import org.mnistrecognition.network.Prediction;
import org.mnistrecognition.preprocess.DigitPreprocessor;
import org.mnistrecognition.preprocess.ImageFiles;
import org.mnistrecognition.preprocess.NoDigitException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code classify}: reads the digit in each image. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Read the digit in each image (PNG or JPEG, any size, any colours); prints IMAGE<TAB>DIGIT<TAB>CONFIDENCE.")
final class ClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;


    @Option(names = "--model", paramLabel = "FILE", description = "Model file (.npz). Default: the bundled model.")
    Path model;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files.")
    List<Path> images;

    @Override
    public Integer call() throws Exception {
        Model m = ModelFiles.load(model);
        if (m.network().inputSize() != 28 * 28) {
            err().println("error: the model takes " + m.network().inputSize() + " inputs, not a 28x28 image");
            return Cli.FAILED;
        }
        int failures = 0;
        for (Path image : images) {
            try {
                double[] input = DigitPreprocessor.toMnist(ImageFiles.read(image));
                Prediction p = m.network().read(input);
                out().printf(Locale.ROOT, "%s\t%d\t%.4f%n", image, p.digit(), p.confidence());
            } catch (NoDigitException e) {
                err().println("error: " + image + ": no digit found");
                failures++;
            } catch (IOException e) {
                err().println("error: " + Problems.describe(e));
                failures++;
            }
        }
        out().flush();
        return failures == 0 ? 0 : Cli.FAILED;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
