package org.mnistrecognition.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistrecognition.data.DataSetLoader;
import org.mnistrecognition.data.MnistData;

/** The {@code --data} option's meaning: the given folder or .npz, or the bundled MNIST. */
final class DataOptions {
    private DataOptions() {
    }

    static MnistData load(Path data) throws IOException {
        return DataSetLoader.load(data != null ? data : DataSetLoader.bundledData());
    }
}
