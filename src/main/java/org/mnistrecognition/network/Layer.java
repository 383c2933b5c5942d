package org.mnistrecognition.network;

import org.ejml.data.DMatrixRMaj;

/**
 * One fully connected layer: {@code a = f(x W + b)} for a row vector {@code x} of its inputs.
 *
 * <p>The weights are stored input-major, {@code W[i][j]} connecting input {@code i} to output
 * {@code j}, so that an input that is zero (most MNIST pixels) skips a whole contiguous row.
 * Model files store the transpose, the usual {@code (outputs, inputs)} of {@code W @ x}.
 */
public final class Layer {
    private final Activation activation;
    /** W: {@code inputs × outputs}, row-major; row {@code i} holds input {@code i}'s outgoing weights. */
    private final DMatrixRMaj weights;
    /** b: {@code 1 × outputs}. */
    private final DMatrixRMaj biases;

    public Layer(Activation activation, DMatrixRMaj weights, DMatrixRMaj biases) {
        if (biases.numRows != 1 || biases.numCols != weights.numCols) {
            throw new IllegalArgumentException("biases must be 1 x " + weights.numCols + ", got "
                    + biases.numRows + " x " + biases.numCols);
        }
        this.activation = activation;
        this.weights = weights;
        this.biases = biases;
    }

    public Activation activation() {
        return activation;
    }

    /** W, {@code inputs × outputs} (see the class comment); the live matrix, not a copy. */
    public DMatrixRMaj weights() {
        return weights;
    }

    /** b, {@code 1 × outputs}; the live matrix, not a copy. */
    public DMatrixRMaj biases() {
        return biases;
    }

    public int inputs() {
        return weights.numRows;
    }

    public int outputs() {
        return weights.numCols;
    }

    Layer copy() {
        // W' = W, b' = b (deep copies)
        return new Layer(activation, weights.copy(), biases.copy());
    }
}
