package org.mnistrecognition.app.drawing;

/** One undoable step of a {@link Drawing}: a {@link Stroke}, or a fresh {@link Sheet} (Clear, a test digit). */
sealed interface Edit permits Stroke, Sheet {
}
