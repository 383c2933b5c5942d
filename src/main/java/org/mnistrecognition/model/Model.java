package org.mnistrecognition.model;

import java.util.Objects;
import org.mnistrecognition.network.Network;

/**
 * A trained network and what its file says about it.
 *
 * @param network the network, its architecture taken from the metadata
 * @param metadata the file's {@code metadata.json}
 */
public record Model(Network network, ModelMetadata metadata) {

    public Model {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(metadata, "metadata");
    }
}
