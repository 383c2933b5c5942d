package org.mnistrecognition.training;

import java.util.Random;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.data.MnistData;

/** A small seeded data set of 8x8 images of ten easy classes, for fast GUI tests. */
public final class SyntheticData {
    private SyntheticData() {
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
