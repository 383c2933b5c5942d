package org.mnistrecognition.data;

/** Temporary stand-in until the data branch lands. */
public record MnistData(DataSet training, DataSet validation, DataSet test, String source) {
}
