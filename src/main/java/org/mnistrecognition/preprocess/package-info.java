/**
 * Makes pictures of digits look like MNIST digits before the network reads them; shared by the app's drawing
 * canvas and the command line's {@code classify}.
 *
 * <p>{@link org.mnistrecognition.preprocess.ImageFiles} reads PNG and JPEG files into
 * {@link org.mnistrecognition.preprocess.GrayImage}s (luminance, either polarity, any size), and
 * {@link org.mnistrecognition.preprocess.GrayImage#fromInk} wraps the canvas's ink.
 * {@link org.mnistrecognition.preprocess.DigitPreprocessor#toMnist} then repeats what MNIST did to NIST's scans:
 * find the ink against the background, scale its bounding box to fit 20x20 with area averaging, and centre
 * it by mass in 28x28, bright on dark in {@code [0,1]}. Strokes much thinner than MNIST's are thickened first.
 * No JavaFX here.
 */
package org.mnistrecognition.preprocess;
