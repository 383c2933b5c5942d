/**
 * Training: {@link org.mnistrecognition.training.TrainingConfig}s and their
 * {@link org.mnistrecognition.training.Preset}s, the {@link org.mnistrecognition.training.Trainer} that runs
 * stochastic gradient descent over a data set and tells a {@link org.mnistrecognition.training.TrainingListener}
 * about every iteration and, ten times a second, a summary, and evaluation. No JavaFX here.
 *
 * <p>Two engines do the arithmetic on the kernels of {@code network.kernels}: {@code SampleEngine}, the
 * original's one-sample-at-a-time SGD with back-propagation and update fused in one pass over each weight
 * row, and {@code BatchEngine}, mini-batches with momentum and weight decay, in single precision. Both split the work between
 * two threads so that each core keeps its share of the weights in its own cache. A run is reproducible:
 * the same configuration (seed and thread count included) gives the same weights, bit for bit, on JDK 17.
 *
 * <p>Impossible settings are refused here, once for the command line and the app: by the
 * configuration itself and by {@link org.mnistrecognition.training.TrainingConfig#checkFits} against the
 * data and the memory, each as a {@link org.mnistrecognition.training.SettingException} naming the
 * {@link org.mnistrecognition.training.Setting} at fault.
 *
 * <p>A run saves checkpoints as its {@link org.mnistrecognition.training.Autosave} says: a
 * {@link org.mnistrecognition.training.RunState} (weights, momentum, samples trained) written atomically by
 * {@link org.mnistrecognition.training.RunStateFile}. {@link org.mnistrecognition.training.Trainer#resume}
 * goes on from one to the same final weights as a run that never stopped, the sample order being replayed
 * from the seed; {@link org.mnistrecognition.training.InterruptedRuns} finds the checkpoints that crashed
 * or killed runs left behind.
 */
package org.mnistrecognition.training;
