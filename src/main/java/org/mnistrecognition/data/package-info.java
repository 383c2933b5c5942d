/**
 * Data sets: {@link org.mnistrecognition.data.DataSet} holds images as unsigned bytes (55 MB for all of
 * MNIST) and scales them to [0, 1] only when the trainer copies one out. Readers for IDX (raw or gzip),
 * {@code .npy} and {@code .npz} check every header against the data actually present before allocating,
 * and report every problem as a {@link org.mnistrecognition.data.DataFormatException} naming the file;
 * {@link org.mnistrecognition.data.HeapRoom} refuses real data too large for the heap the same way.
 * {@link org.mnistrecognition.data.IdxWriter} writes IDX files, atomically, for a person's own digits
 * ({@link org.mnistrecognition.data.PersonalSet}).
 */
package org.mnistrecognition.data;
