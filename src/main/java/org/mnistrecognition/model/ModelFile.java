package org.mnistrecognition.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.mnistrecognition.data.BundledFiles;
import org.mnistrecognition.data.DataFormatException;
import org.mnistrecognition.data.NpyArray;
import org.mnistrecognition.data.NpzReader;
import org.mnistrecognition.network.Architecture;
import org.mnistrecognition.network.Cost;
import org.mnistrecognition.network.Layer;
import org.mnistrecognition.network.Network;

/**
 * Saves and loads trained networks as numpy {@code .npz} archives: {@code W1, W2, ...} of shape
 * {@code (outputs, inputs)}, the transposes of {@link Layer#weights()}, so that a layer computes
 * {@code W @ x + b}; {@code b1, b2, ...} of shape {@code (outputs,)} (zeros in a network without
 * biases), all float64; and the {@link ModelMetadata} as the text entry {@value #METADATA}.
 */
public final class ModelFile {
    /** The archive entry holding the metadata. */
    public static final String METADATA = "metadata.json";
    /** The system property naming a model file to use instead of the bundled one. */
    public static final String MODEL_PROPERTY = "mnist.model";

    private ModelFile() {
    }

    /**
     * Writes {@code network} and {@code metadata} to {@code file} atomically (see {@link AtomicFiles}):
     * on failure the previous file is left as it was.
     *
     * @throws IllegalArgumentException if the metadata's layers and activations are not the network's
     * @throws IOException naming the file and the cause
     */
    public static void save(Path file, Network network, ModelMetadata metadata) throws IOException {
        Architecture arch = network.architecture();
        List<String> activations = new ArrayList<>();
        for (Layer layer : network.layers()) {
            activations.add(layer.activation().id());
        }
        if (!metadata.layers().equals(arch.sizes()) || !metadata.activations().equals(activations)
                || metadata.bias() != arch.bias()) {
            throw new IllegalArgumentException("metadata " + metadata.layers() + " " + metadata.activations()
                    + " bias " + metadata.bias() + " does not describe " + network);
        }
        String json = metadata.toJson();
        AtomicFiles.write(file, out -> {
            try (NpzWriter npz = new NpzWriter(out)) {
                npz.text(METADATA, json);
                for (int l = 0; l < network.depth(); l++) {
                    Layer layer = network.layer(l);
                    // W_file = W^T: (outputs x inputs), so that the layer is W_file @ x + b
                    DMatrixRMaj wFile = CommonOps_DDRM.transpose(layer.weights(), null);
                    npz.array("W" + (l + 1), new int[] {layer.outputs(), layer.inputs()}, wFile.data);
                    npz.array("b" + (l + 1), new int[] {layer.outputs()}, layer.biases().data);
                }
            }
        });
    }

    /**
     * Reads a model file.
     *
     * @throws ModelFormatException naming the file and what is wrong with it
     * @throws IOException if it cannot be read at all
     */
    public static Model load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file, Files.exists(file) ? "not a file" : "no such file");
        }
        try (NpzReader npz = NpzReader.open(file)) {
            if (!npz.hasEntry(METADATA)) {
                throw new ModelFormatException(file, METADATA + " missing (is this a model file?)");
            }
            ModelMetadata meta;
            Architecture arch;
            try {
                meta = ModelMetadata.fromJson(npz.text(METADATA));
                arch = meta.architecture();
                Cost cost = meta.costFunction();
                if (!cost.supports(arch.output())) {
                    throw new IllegalArgumentException("cost " + cost.id() + " cannot follow a " + arch.output().id() + " output");
                }
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, METADATA + ": " + e.getMessage(), e);
            }
            checkNoExtraArrays(file, npz, arch.depth());
            List<DMatrixRMaj> weights = new ArrayList<>();
            List<DMatrixRMaj> biases = new ArrayList<>();
            for (int l = 0; l < arch.depth(); l++) {
                int in = arch.sizes().get(l);
                int out = arch.sizes().get(l + 1);
                String w = "W" + (l + 1);
                String b = "b" + (l + 1);
                if (!npz.contains(w)) {
                    throw new ModelFormatException(file, w + " missing (" + METADATA + " lists " + arch.depth() + " weight layers)");
                }
                NpyArray wArray = npz.array(w);
                checkArray(file, w, wArray, new int[] {out, in});
                // W = W_file^T: (inputs x outputs), the layout Layer keeps
                weights.add(CommonOps_DDRM.transpose(new DMatrixRMaj(out, in, true, wArray.values()), null));
                if (npz.contains(b)) {
                    NpyArray bArray = npz.array(b);
                    int[] shape = bArray.rank() == 2 ? new int[] {out, 1} : new int[] {out};
                    checkArray(file, b, bArray, shape);
                    biases.add(new DMatrixRMaj(1, out, true, bArray.values()));
                } else if (arch.bias()) {
                    throw new ModelFormatException(file, b + " missing (" + METADATA + " says the network has biases)");
                } else {
                    biases.add(new DMatrixRMaj(1, out));
                }
            }
            return new Model(Network.of(arch, weights, biases), meta);
        } catch (DataFormatException e) {
            throw new ModelFormatException(file, e.problem(), e);
        }
    }

    /**
     * The bundled default model: the system property {@value #MODEL_PROPERTY} if set, else
     * {@code data/model.npz} found as {@link BundledFiles} describes.
     */
    public static Path bundledModel() {
        return BundledFiles.resolve(MODEL_PROPERTY, "data/model.npz");
    }

    private static void checkNoExtraArrays(Path file, NpzReader npz, int depth) throws ModelFormatException {
        Set<String> extra = new TreeSet<>(npz.arrayNames());
        for (int l = 1; l <= depth; l++) {
            extra.remove("W" + l);
            extra.remove("b" + l);
        }
        if (!extra.isEmpty()) {
            throw new ModelFormatException(file, "unexpected arrays " + extra + " (" + METADATA + " lists " + depth
                    + " weight layers)");
        }
    }

    private static void checkArray(Path file, String name, NpyArray array, int[] shape) throws ModelFormatException {
        if (!array.dtype().matches("[<>=]f[48]")) {
            throw new ModelFormatException(file, name + " has dtype " + array.dtype() + ", expected float64 (<f8)");
        }
        if (!Arrays.equals(array.shape(), shape)) {
            throw new ModelFormatException(file, name + " has shape " + array.shapeText() + ", expected "
                    + NpyArray.shapeText(shape) + " for the layer sizes " + METADATA + " lists");
        }
        double[] v = array.values();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                int cols = shape.length == 2 ? shape[1] : 1;
                String at = shape.length == 2 ? "[" + i / cols + ", " + i % cols + "]" : "[" + i + "]";
                throw new ModelFormatException(file, name + " holds " + v[i] + " at " + at);
            }
        }
    }
}
