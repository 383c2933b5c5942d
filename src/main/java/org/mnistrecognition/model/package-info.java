/**
 * Model files: a trained network as a numpy {@code .npz} ({@code W1, W2, ...} of shape (outputs, inputs),
 * {@code b1, b2, ...} of shape (outputs,), float64) plus a {@code metadata.json} text entry, which numpy users
 * read with {@code json.loads(zipfile.ZipFile(path).read("metadata.json"))}. Files are replaced atomically
 * ({@link org.mnistrecognition.model.AtomicFiles}) and every load error names the file and the problem.
 */
package org.mnistrecognition.model;
