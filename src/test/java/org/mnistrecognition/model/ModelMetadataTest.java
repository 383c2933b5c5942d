package org.mnistrecognition.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mnistrecognition.network.Activation;
import org.mnistrecognition.network.Architecture;

class ModelMetadataTest {
    private static ModelMetadata sample() {
        return new ModelMetadata(1, List.of(784, 100, 100, 10), List.of("relu", "relu", "softmax"), true, "cross-entropy",
                "best", 1L << 40, "he", new ModelMetadata.Training(10, 1.5, 0.1, 20, 0.9, 0.98, Double.NaN, 3, 4,
                        "2025-01-01T00:00:00Z", "data/mnist"));
    }

    @Test
    void jsonRoundTripsAndLeavesOutUnknownNumbers() {
        String json = sample().toJson();
        assertTrue(json.contains("\"learning_rate\": 0.1"), json);
        assertFalse(json.contains("validation_accuracy"), json);
        assertFalse(json.contains("NaN"), json);
        assertEquals(sample(), ModelMetadata.fromJson(json));
    }

    @Test
    void derivesTheArchitecture() {
        assertEquals(new Architecture(List.of(784, 100, 100, 10), Activation.RELU, Activation.SOFTMAX, true),
                sample().architecture());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"format_version\": 1} | 'layers' missing",
        "{\"format_version\": 1, \"layers\": [784, -3], \"activations\": [\"relu\"] } | 'layers' holds -3",
        "{\"format_version\": 1, \"layers\": [4, 2], \"activations\": [\"relu\"], \"bias\": 1, \"cost\": \"ce\"} | 'bias' must be true or false",
        "{\"layers\": [4, 2]} | 'format_version' missing",
        "[1, 2] | expected an object",
        "{\"format_version\": 1} trailing | invalid JSON",
        "{format_version: 1} | invalid JSON",
    })
    void rejectsBadJsonSayingWhy(String json, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelMetadata.fromJson(json));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
