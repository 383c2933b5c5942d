package org.mnistrecognition.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Loads the real MNIST shipped in {@code data/mnist}. */
class BundledMnistTest {

    @Test
    void loadsTheBundledMnistCompactly() throws Exception {
        Path dir = DataSetLoader.bundledData();
        assertTrue(Files.isDirectory(dir), "bundled data should be found, got " + dir);
        MnistData d = DataSetLoader.load(dir);
        assertEquals(50_000, d.training().size());
        assertEquals(10_000, d.validation().size());
        assertEquals(10_000, d.test().size());
        assertEquals(28, d.training().rows());
        assertEquals(28, d.training().cols());
        assertEquals(5, d.training().label(0), "MNIST's first training digit is a 5");
        assertEquals(0, d.training().label(1));
        assertEquals(7, d.test().label(0), "MNIST's first test digit is a 7");
        assertEquals(3, d.validation().label(0), "validation starts at training image 50,000, a 3");
        assertEquals(8, d.validation().label(d.validation().size() - 1), "MNIST's last training digit is an 8");
        long bytes = d.training().pixels().length + d.validation().pixels().length + d.test().pixels().length;
        assertEquals(60_000L * 784 + 10_000L * 784, bytes, "one byte per pixel, nothing more");
        int max = 0;
        for (byte b : d.test().pixels()) {
            max = Math.max(max, b & 0xFF);
        }
        assertEquals(255, max);
    }
}
