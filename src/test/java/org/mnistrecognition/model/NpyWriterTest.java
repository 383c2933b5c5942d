package org.mnistrecognition.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistrecognition.data.NpyArray;
import org.mnistrecognition.data.NpyReader;

class NpyWriterTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void writesAHeaderPaddedTo64BytesThatReadsBack(int rank) throws Exception {
        int[] shape = new int[rank];
        int n = 1;
        for (int d = 0; d < rank; d++) {
            shape[d] = d + 2;
            n *= shape[d];
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.sin(i) * 1e5;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, shape, values);
        byte[] bytes = out.toByteArray();
        assertEquals(0, (bytes.length - 8 * n) % 64, "numpy aligns the data to 64 bytes");
        assertEquals('\n', bytes[bytes.length - 8 * n - 1]);
        NpyArray back;
        try (NpyReader r = NpyReader.open(new ByteArrayInputStream(bytes), Path.of("memory.npy"), null)) {
            back = r.readAll();
        }
        assertEquals("<f8", back.dtype());
        assertArrayEquals(shape, back.shape());
        assertArrayEquals(values, back.values(), 0.0);
    }
}
