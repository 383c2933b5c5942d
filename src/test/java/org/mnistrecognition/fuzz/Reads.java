package org.mnistrecognition.fuzz;

import java.io.IOException;
import org.mnistrecognition.app.AppSettings;
import org.mnistrecognition.app.SettingsFile;
import org.mnistrecognition.app.WindowPlacement;
import org.mnistrecognition.data.DataFormatException;
import org.mnistrecognition.data.DataSetLoader;
import org.mnistrecognition.data.IdxReader;
import org.mnistrecognition.data.MnistData;
import org.mnistrecognition.data.NpyArray;
import org.mnistrecognition.data.NpyReader;
import org.mnistrecognition.history.CostCurve;
import org.mnistrecognition.history.RunHistory;
import org.mnistrecognition.history.RunRecord;
import org.mnistrecognition.model.Model;
import org.mnistrecognition.model.ModelFile;
import org.mnistrecognition.model.ModelFormatException;
import org.mnistrecognition.preprocess.GrayImage;
import org.mnistrecognition.preprocess.ImageFiles;
import org.mnistrecognition.preprocess.ImageFormatException;
import org.mnistrecognition.training.RunState;
import org.mnistrecognition.training.RunStateFile;

/**
 * Each file reader as the fuzz tests (seeded and coverage-guided alike) call it, through a
 * {@link ReadCheck}: what a read that succeeds must hold, the reader's own error, and the most
 * the read may allocate for an input of its size. Each returns the reader's error, or null for a
 * read that succeeded.
 */
final class Reads {
    /** A gzip stream of n bytes inflates to at most ~1032 n bytes; the IDX reader buffers at most 8 MiB ahead of what arrived. */
    private static final long IDX_BYTES_PER_INPUT_BYTE = 2_000;
    /** Values come only from the stream: a double (8 bytes) per byte at most, twice over while the array grows. */
    private static final long NPY_BYTES_PER_INPUT_BYTE = 16;
    /** A deflated entry inflates ~1032 times at most, each byte of it a double (8 bytes) at most, twice over while arrays grow. */
    private static final long NPZ_BYTES_PER_INPUT_BYTE = 20_000;
    /** Text (two bytes a character at most) parsed into boxed numbers in lists and records, generously. */
    private static final long JSON_BYTES_PER_INPUT_BYTE = 200;
    /** What any read may allocate besides: buffers, the zip's central directory, class loading. */
    private static final long BASE = 16L << 20;

    private Reads() {
    }

    /** IDX images, raw or gzipped: a read holds count x rows x cols pixels. */
    static IOException idxImages(ReadCheck check, String name, byte[] input) throws Exception {
        return check.check(name, input, file -> {
            IdxReader.Images images = IdxReader.readImages(file);
            if (images.pixels().length != images.count() * images.rows() * images.cols()) {
                throw new AssertionError("a read of the wrong length");
            }
        }, DataFormatException.class, BASE + IDX_BYTES_PER_INPUT_BYTE * input.length);
    }

    /** IDX labels, raw or gzipped. */
    static IOException idxLabels(ReadCheck check, String name, byte[] input) throws Exception {
        return check.check(name, input, IdxReader::readLabels, DataFormatException.class,
                BASE + IDX_BYTES_PER_INPUT_BYTE * input.length);
    }

    /** A {@code .npy} array: a read holds as many values as its shape says. */
    static IOException npy(ReadCheck check, byte[] input) throws Exception {
        return check.check("array.npy", input, file -> {
            NpyArray array = NpyReader.read(file);
            long n = 1;
            for (int d : array.shape()) {
                n *= d;
            }
            if (n != array.values().length) {
                throw new AssertionError("shape " + array.shapeText() + " with " + array.values().length + " values");
            }
        }, DataFormatException.class, BASE + NPY_BYTES_PER_INPUT_BYTE * input.length);
    }

    /** The original program's {@code mnist.npz}: a read has a training set. */
    static IOException mnistNpz(ReadCheck check, byte[] input) throws Exception {
        return check.check("mnist.npz", input, file -> {
            MnistData data = DataSetLoader.load(file);
            if (data.training().size() == 0) {
                throw new AssertionError("an empty training set was read");
            }
        }, DataFormatException.class, BASE + NPZ_BYTES_PER_INPUT_BYTE * input.length);
    }

    /** A model file: a read has finite weights. */
    static IOException model(ReadCheck check, byte[] input) throws Exception {
        return check.check("model.npz", input, file -> {
            Model model = ModelFile.load(file);
            if (!model.network().isFinite()) {
                throw new AssertionError("a model with weights that are not finite was read");
            }
        }, ModelFormatException.class, BASE + NPZ_BYTES_PER_INPUT_BYTE * input.length);
    }

    /** A checkpoint, its summary and then its state: a read can be resumed. */
    static IOException checkpoint(ReadCheck check, byte[] input) throws Exception {
        return check.check("run.npz", input, file -> {
            RunStateFile.summary(file);
            RunState state = RunStateFile.load(file);
            if (!state.network().isFinite() || state.iterations() >= state.totalIterations()) {
                throw new AssertionError("a state that cannot be resumed was read");
            }
        }, DataFormatException.class, BASE + NPZ_BYTES_PER_INPUT_BYTE * input.length);
    }

    /**
     * A picture (PNG, JPEG, GIF, BMP): a read is not empty. The pixels a file may claim are bounded
     * by its size (see {@link ImageFiles#MAX_PIXELS_PER_FILE_BYTE}) and by {@link
     * ImageFiles#MAX_PIXELS}; each costs the decoder up to 8 bytes (16-bit RGBA) and the grey copy 12.
     */
    static IOException image(ReadCheck check, String name, byte[] input) throws Exception {
        return check.check(name, input, file -> {
            GrayImage image = ImageFiles.read(file);
            if (image.width() <= 0 || image.height() <= 0) {
                throw new AssertionError("an empty picture was read");
            }
        }, ImageFormatException.class, (32L << 20)
                + 20L * Math.min(ImageFiles.MAX_PIXELS, Math.max(1_000_000, ImageFiles.MAX_PIXELS_PER_FILE_BYTE * input.length)));
    }

    /** A run's record in the history ({@code run.json}): a read has its settings, a curve whose lists agree, and an id. */
    static IOException runRecord(ReadCheck check, byte[] input) throws Exception {
        return check.check("run.json", input, file -> {
            RunRecord r = RunHistory.read(file);
            CostCurve c = r.curve();
            if (r.settings() == null || r.id().isEmpty() || c.iterations().length != c.cost().length
                    || c.checkpoints().length != c.accuracy().length) {
                throw new AssertionError("a record that cannot be listed was read");
            }
        }, DataFormatException.class, BASE + JSON_BYTES_PER_INPUT_BYTE * input.length);
    }

    /**
     * The app's settings ({@code settings.json}), which {@link SettingsFile#load} reads this way
     * and turns into the defaults if it fails: a read has a usable window and divider.
     */
    static IOException settings(ReadCheck check, byte[] input) throws Exception {
        return check.check("settings.json", input, file -> {
            AppSettings s = new SettingsFile(file).read();
            WindowPlacement w = s.window();
            if (w != null && !(Double.isFinite(w.x()) && Double.isFinite(w.y()) && Double.isFinite(w.width())
                    && Double.isFinite(w.height())) || !Double.isFinite(s.divider()) || s.lastFolder() == null) {
                throw new AssertionError("settings the app cannot use were read: " + s);
            }
        }, DataFormatException.class, BASE + JSON_BYTES_PER_INPUT_BYTE * input.length);
    }
}
