package org.mnistrecognition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Failures worded for a person: the file and the problem, no exception names. */
class ProblemsTest {

    @Test
    void takesTheFirstMessageInTheChainOfCauses() {
        Exception e = new RuntimeException(new UncheckedIOException(new IOException("model.npz: truncated")));
        assertEquals("model.npz: truncated", Problems.describe(new RuntimeException((String) null, e)));
    }

    @Test
    void namesTheFileOfFileSystemFailures() {
        assertEquals("digits/7.png: no such file", Problems.describe(new NoSuchFileException("digits/7.png")));
        assertEquals("/root/m.npz: permission denied", Problems.describe(new AccessDeniedException("/root/m.npz")));
    }

    @Test
    void theReasonAloneLeavesTheFileToTheMessageThatNamesIt() {
        assertEquals("permission denied", Problems.reason(new IOException(new AccessDeniedException("/root/m.npz"))));
        assertEquals("no such file", Problems.reason(new NoSuchFileException("digits/7.png")));
        assertEquals("model.npz: truncated", Problems.reason(new IOException("model.npz: truncated")));
    }

    @Test
    void outOfMemoryAndEmptyMessagesStayReadable() {
        assertEquals("out of memory (give Java more with -Xmx)", Problems.describe(new OutOfMemoryError("Java heap space")));
        assertEquals("IllegalStateException", Problems.describe(new IllegalStateException()));
    }
}
