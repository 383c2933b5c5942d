/**
 * The hot loops over the EJML matrices' backing arrays: SIMD on the Vector API when the JVM has
 * {@code jdk.incubator.vector}, plain loops otherwise, chosen once at start-up.
 */
package org.mnistrecognition.network.kernels;
