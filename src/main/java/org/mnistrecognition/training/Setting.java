package org.mnistrecognition.training;

/** The training settings a person chooses, so that a problem can say which one is wrong. */
public enum Setting {
    /** The layer sizes, input first. */
    LAYERS,
    /** The activation of the hidden layers. */
    HIDDEN_ACTIVATION,
    /** The activation of the output layer. */
    OUTPUT_ACTIVATION,
    COST,
    LEARNING_RATE,
    BATCH_SIZE,
    MOMENTUM,
    WEIGHT_DECAY,
    /** How long to train: iterations or epochs. */
    LENGTH,
    /** The augmentation's largest shift. */
    SHIFT,
    THREADS
}
