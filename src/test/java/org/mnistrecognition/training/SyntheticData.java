package org.mnistrecognition.training;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.DataSetLoader;
import org.mnistrecognition.data.MnistData;

/** A small seeded data set of 8x8 images of ten easy classes, for fast GUI tests. */
public final class SyntheticData {
    private SyntheticData() {
    }

    /**
     * The data set as a folder of MNIST's four IDX files: its training and validation images
     * together as the training file (500 images of 8x8, which a folder loader keeps all for
     * training), its test images as the test file (100).
     */
    public static Path writeIdx(Path folder) throws IOException {
        MnistData data = create();
        Files.createDirectories(folder);
        byte[] pixels = new byte[500 * 64];
        byte[] labels = new byte[500];
        System.arraycopy(data.training().pixels(), 0, pixels, 0, 400 * 64);
        System.arraycopy(data.validation().pixels(), 0, pixels, 400 * 64, 100 * 64);
        System.arraycopy(data.training().labels(), 0, labels, 0, 400);
        System.arraycopy(data.validation().labels(), 0, labels, 400, 100);
        write(folder.resolve(DataSetLoader.TRAIN_IMAGES), folder.resolve(DataSetLoader.TRAIN_LABELS), pixels, labels);
        write(folder.resolve(DataSetLoader.TEST_IMAGES), folder.resolve(DataSetLoader.TEST_LABELS),
                data.test().pixels(), data.test().labels());
        return folder;
    }

    private static void write(Path images, Path labelFile, byte[] pixels, byte[] labels) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
        b.putInt(0x803).putInt(labels.length).putInt(8).putInt(8).put(pixels);
        Files.write(images, b.array());
        ByteBuffer l = ByteBuffer.allocate(8 + labels.length);
        l.putInt(0x801).putInt(labels.length).put(labels);
        Files.write(labelFile, l.array());
    }

    /** 600 images: 400 training, 100 validation, 100 test; class c lights up row c % 8 and a column. */
    public static MnistData create() {
        Random random = new Random(3);
        int n = 600;
        byte[] pixels = new byte[n * 64];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            labels[i] = (byte) c;
            for (int p = 0; p < 64; p++) {
                boolean on = p / 8 == c % 8 || p % 8 == (c / 8) * 4 + (c % 3);
                int v = on ? 150 + random.nextInt(100) : (random.nextInt(10) == 0 ? random.nextInt(80) : 0);
                pixels[i * 64 + p] = (byte) v;
            }
        }
        DataSet all = new DataSet("synthetic", 8, 8, pixels, labels);
        return new MnistData(all.slice(0, 400, "training"), all.slice(400, 500, "validation"),
                all.slice(500, 600, "test"), "synthetic");
    }
}
