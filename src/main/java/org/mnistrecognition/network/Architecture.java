package org.mnistrecognition.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a fully connected network.
 *
 * @param sizes the number of units in each layer, input first: {@code [784, 200, 200, 10]}
 * @param hidden the activation of every hidden layer
 * @param output the activation of the output layer
 * @param bias whether the forward pass adds a bias (the original program's did not)
 */
public record Architecture(List<Integer> sizes, Activation hidden, Activation output, boolean bias) {

    public Architecture {
        sizes = List.copyOf(sizes);
        if (sizes.size() < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output layer, got " + sizes);
        }
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + sizes);
            }
        }
        if (hidden == Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax can only be the output activation");
        }
    }

    /** Parses {@code "784,200,200,10"}. */
    public static List<Integer> parseSizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                sizes.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("layer sizes must be whole numbers separated by commas, got '" + text + "'");
            }
        }
        return sizes;
    }

    /** The number of weight layers (one less than the number of unit layers). */
    public int depth() {
        return sizes.size() - 1;
    }

    public int inputSize() {
        return sizes.get(0);
    }

    public int outputSize() {
        return sizes.get(sizes.size() - 1);
    }

    /** The activation of weight layer {@code l} (0-based). */
    public Activation activation(int l) {
        return l == depth() - 1 ? output : hidden;
    }

    /** Sizes as {@code 784-200-200-10}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int s : sizes) {
            b.append(b.length() == 0 ? "" : "-").append(s);
        }
        return b.toString();
    }
}
