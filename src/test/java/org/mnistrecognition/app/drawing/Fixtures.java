package org.mnistrecognition.app.drawing;

import java.util.List;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Initialisation;
import org.mnistrecognition.network.Network;

/** Tiny networks and data sets for the drawing pane's tests. */
final class Fixtures {
    /** The labels of {@link #data()}'s test images, in order. */
    static final byte[] TEST_LABELS = {1, 7, 1};

    private Fixtures() {
    }

    /** An untrained 784-16-10 network with weights drawn from {@code seed}. */
    static Network network(long seed) {
        return Network.initialise(new Architecture(List.of(784, 16, 10), Activation.SIGMOID, Activation.SOFTMAX, true),
                Initialisation.XAVIER, seed);
    }

    /**
     * A data set of 28x28 images whose test set holds a vertical bar (a 1), a bar with a top stroke (a 7) and
     * another bar, labelled {@link #TEST_LABELS}.
     */
    static MnistData data() {
        byte[] pixels = new byte[TEST_LABELS.length * 784];
        for (int image = 0; image < TEST_LABELS.length; image++) {
            int column = 12 + image;
            for (int row = 4; row < 24; row++) {
                pixels[image * 784 + row * 28 + column] = (byte) 255;
                pixels[image * 784 + row * 28 + column + 1] = (byte) 200;
            }
            if (TEST_LABELS[image] == 7) {
                for (int x = 6; x <= column; x++) {
                    pixels[image * 784 + 4 * 28 + x] = (byte) 255;
                }
            }
        }
        DataSet test = new DataSet("test", 28, 28, pixels, TEST_LABELS.clone());
        return new MnistData(test.slice(0, 2, "training"), DataSet.empty("validation", 28, 28), test, "fixture");
    }
}
