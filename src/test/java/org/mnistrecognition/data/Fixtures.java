package org.mnistrecognition.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Finds the fixtures made by {@code make_fixtures.py} and checks error messages. */
final class Fixtures {
    private Fixtures() {
    }

    /** The fixture {@code name} under {@code src/test/resources/org/mnistrecognition/data}. */
    static Path data(String name) {
        return resource("/org/mnistrecognition/data/" + name);
    }

    /** The fixture {@code name} under {@code src/test/resources/org/mnistrecognition/model}. */
    static Path model(String name) {
        return resource("/org/mnistrecognition/model/" + name);
    }

    private static Path resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test fixture " + name + " (run make_fixtures.py)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that {@code action} fails with "{@code file}: ...{@code fragment}...". */
    static DataFormatException assertDataError(Path file, String fragment, Executable action) {
        DataFormatException e = assertThrows(DataFormatException.class, action);
        assertTrue(e.getMessage().startsWith(file + ": "), () -> "message should start with the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "message should contain '" + fragment + "': " + e.getMessage());
        return e;
    }
}
