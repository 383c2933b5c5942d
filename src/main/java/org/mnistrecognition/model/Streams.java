package org.mnistrecognition.model;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Stream helpers for the writers of this package. */
final class Streams {
    private Streams() {
    }

    /**
     * A view of {@code out} whose {@code close()} only flushes: for handing a stream to code that
     * closes what it is given while the caller still has more to write (a zip entry, a temp file).
     */
    static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
