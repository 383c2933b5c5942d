/**
 * The hot loops over the EJML matrices' backing arrays: SIMD on the Vector API when the JVM has
 * {@code jdk.incubator.vector}, plain loops otherwise, chosen once at start-up. Each kernel comes
 * in double precision (inference and batch-1 training) and in single precision (the passes of
 * mini-batch training, {@code VectorFloatKernels}).
 */
package org.mnistrecognition.network.kernels;
