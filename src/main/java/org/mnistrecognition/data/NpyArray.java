package org.mnistrecognition.data;

import java.util.Objects;

/**
 * A whole numpy array, its values converted to doubles.
 *
 * @param dtype the array's numpy type as its file spelt it, e.g. {@code "<f8"} or {@code "|u1"}
 * @param shape the length of each dimension, outermost first; {@code []} for a scalar
 * @param values the {@code shape[0] × shape[1] × ...} values in C (row-major) order
 */
public record NpyArray(String dtype, int[] shape, double[] values) {

    public NpyArray {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + shapeText(shape));
            }
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + shapeText(shape) + " holds " + n + " values, got " + values.length);
        }
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The length of dimension {@code d}. */
    public int dim(int d) {
        return shape[d];
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /** The shape as Python prints it: {@code (3, 784)}, {@code (10,)}, {@code ()}. */
    public String shapeText() {
        return shapeText(shape);
    }

    /** Formats a shape as Python prints a tuple. */
    public static String shapeText(int[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int d = 0; d < shape.length; d++) {
            b.append(d == 0 ? "" : ", ").append(shape[d]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + shapeText() + "]";
    }
}
