package org.mnistrecognition.app.training;

/**
 * A training image to show beside the log.
 *
 * @param rows its height
 * @param cols its width
 * @param pixels row-major grey levels, 0 (paper) to 255 (ink)
 * @param caption what it is, e.g. "image 1,234: a 7, guessed 1"
 */
public record SamplePicture(int rows, int cols, byte[] pixels, String caption) {
}
