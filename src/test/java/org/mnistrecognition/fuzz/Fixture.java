package org.mnistrecognition.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bytes of a test resource, the valid files the fuzz tests start from. */
final class Fixture {
    private Fixture() {
    }

    /** The resource at {@code path} under {@code src/test/resources/org/mnistrecognition/}. */
    static byte[] bytes(String path) {
        try (InputStream in = Fixture.class.getResourceAsStream("/org/mnistrecognition/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
