package org.mnistrecognition.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.mnistrecognition.model.Model;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.training.TrainingResult;

/** The {@code --model} and {@code --save} options: model files with their metadata. */
final class ModelFiles {
    private ModelFiles() {
    }

    /** The given model file, or the bundled one. */
    static Model load(Path model) throws IOException {
        return ModelFile.load(model != null ? model : ModelFile.bundledModel());
    }

    /** Saves a trained network with its configuration and results, atomically. */
    static void save(Path file, TrainingResult result, String dataSource) throws IOException {
        ModelFile.save(file, result.network(), result.metadata(dataSource, Instant.now()));
    }
}
