/**
 * The neural network: {@link org.mnistrecognition.network.Architecture}, {@link org.mnistrecognition.network.Layer}s whose
 * weights and biases are EJML matrices, activations, costs, initialisations and the allocation-free
 * {@link org.mnistrecognition.network.Forward} pass. No JavaFX here.
 */
package org.mnistrecognition.network;
