package org.mnistrecognition.app.training;

/**
 * The training form's contents as typed, kept between launches (text, so that nothing a person
 * typed is lost even if it does not parse).
 */
public record TrainingSettings(String preset, String layers, String hidden, String output, String cost,
                               String learningRate, String batchSize, String length, String lengthUnit, String seed) {
}
