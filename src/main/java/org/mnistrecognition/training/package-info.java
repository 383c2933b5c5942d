/**
 * Training: {@link org.mnistrecognition.training.TrainingConfig}s and their
 * {@link org.mnistrecognition.training.Preset}s, the {@link org.mnistrecognition.training.Trainer} that runs
 * stochastic gradient descent over a data set and tells a {@link org.mnistrecognition.training.TrainingListener}
 * about every iteration and, ten times a second, a summary, and evaluation. No JavaFX here.
 *
 * <p>Two engines do the arithmetic on the kernels of {@code network.kernels}: {@code SampleEngine}, the
 * original's one-sample-at-a-time SGD with back-propagation and update fused in one pass over each weight
 * row, and {@code BatchEngine}, mini-batches with momentum and weight decay. Both split the work between
 * two threads so that each core keeps its share of the weights in its own cache. A run is reproducible:
 * the same configuration (seed and thread count included) gives the same weights, bit for bit, on JDK 17.
 */
package org.mnistrecognition.training;
