package org.mnistrecognition.preprocess;

/** Thrown when a picture holds no ink to read: it is blank, one flat shade, or its marks are too faint. */
public final class NoDigitException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoDigitException() {
        super("no digit found");
    }
}
