package org.mnistrecognition.app;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mnistrecognition.Problems;
import org.mnistrecognition.model.AtomicFiles;
import org.mnistrecognition.report.PngFile;
import org.mnistrecognition.report.PngRows;

/**
 * Saves what a chart, gallery or whole view shows as a PNG file: the node is photographed on the
 * FX thread (as it is on screen, but with every tile of a scrolled gallery in it), the file
 * written in the background, atomically; a problem is shown in a dialog naming the file. Views add a "Save as PNG…" context menu with
 * {@link #install}.
 */
public final class PictureExport {
    private static final Jobs JOBS = Jobs.standard("save picture");
    /** At most this many pixels, and rows, in a strip of a tall picture (a canvas and snapshot that size are quick). */
    private static final int STRIP_PIXELS = 1_000_000;
    private static final int MAX_STRIP_ROWS = 2048;
    private static final FileChooser.ExtensionFilter PNG_FILES = new FileChooser.ExtensionFilter("PNG pictures (*.png)", "*.png");
    /** Where the save dialog opens, and how the folder chosen is remembered: the main window's last folder, kept in its settings. */
    private static Supplier<Optional<File>> lastFolder = Optional::empty;
    private static Consumer<Path> rememberFolder = folder -> { };
    /** Where a save in progress is shown: the main window's status bar. */
    private static Function<String, MainWindowViewModel.Shown> status = what -> new MainWindowViewModel.Shown() { };

    private PictureExport() {
    }

    /** Opens the save dialog in the folder {@code last} gives, and tells {@code remember} the folder chosen (FX thread). */
    static void shareFolder(Supplier<Optional<File>> last, Consumer<Path> remember) {
        lastFolder = last;
        rememberFolder = remember;
    }

    /** Gives {@code node} a context menu item "Save as PNG…" that saves it under a name like {@code name}. */
    public static void install(Node node, String name) {
        MenuItem save = new MenuItem("Save as PNG…");
        save.setOnAction(e -> ask(node, name));
        ContextMenu menu = new ContextMenu(save);
        node.setOnContextMenuRequested(e -> {
            menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** Shows each save in progress, with its share done, through {@code show} (the main window's status bar). FX thread. */
    static void showProgressWith(Function<String, MainWindowViewModel.Shown> show) {
        status = show;
    }

    /** Asks where to save a picture of {@code node}, then saves it. */
    public static void ask(Node node, String name) {
        Window owner = node.getScene() == null ? null : node.getScene().getWindow();
        Dialogs.saveFile(owner, "Save as PNG", PNG_FILES, name + ".png", lastFolder.get()).ifPresent(path -> {
            rememberFolder.accept(path.getParent());
            save(node, path, Dialogs.feedback(node));
        });
    }

    /**
     * Photographs {@code node} now and writes the picture to {@code file} in the background. A
     * scrolled gallery in it ({@link WholePicture}) is shown whole: the picture grows by what the
     * gallery hides, painted a strip at a time on the FX thread while earlier strips are encoded.
     */
    public static void save(Node node, Path file, Feedback feedback) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        WritableImage image = node.snapshot(parameters, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        Optional<StretchedPicture> stretched = cutPictureIn(node).flatMap(part -> stretch(node, argb, w, h, part));
        MainWindowViewModel.Shown shown = status.apply("Saving " + file.getFileName() + "…");
        JOBS.start(p -> {
            if (stretched.isPresent()) {
                writeInStrips(file, stretched.get(), p);
            } else {
                PngFile.write(file, w, h, argb);
            }
            return file;
        }, new Jobs.Outcome<Path>() {
            @Override
            public void progress(double fraction) {
                shown.progress(fraction);
            }

            @Override
            public void done(Path saved) {
                shown.ended();
                feedback.info("Picture saved", saved.toString());
            }

            @Override
            public void failed(Throwable problem) {
                shown.ended();
                feedback.error("Cannot save the picture", Texts.problem(file, problem));
            }

            @Override
            public void cancelled() {
                shown.ended();
            }
        });
    }

    /** The first visible {@link WholePicture} in {@code node} (itself included) with content out of view. */
    private static Optional<WholePicture> cutPictureIn(Node node) {
        if (!node.isVisible()) {
            return Optional.empty();
        }
        if (node instanceof WholePicture picture) {
            return picture.isCut() ? Optional.of(picture) : Optional.empty();
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<WholePicture> found = cutPictureIn(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The snapshot {@code view} of {@code node} with {@code part} in it shown whole, if the part lies in the snapshot. */
    private static Optional<StretchedPicture> stretch(Node node, int[] view, int width, int height, WholePicture part) {
        Bounds all = node.localToScene(node.getBoundsInLocal());
        Node partNode = (Node) part;
        Bounds at = partNode.localToScene(partNode.getLayoutBounds());
        int x = (int) Math.round(at.getMinX() - all.getMinX());
        int y = (int) Math.round(at.getMinY() - all.getMinY());
        int w = Math.min((int) Math.ceil(at.getWidth()), width - x);
        int h = Math.min((int) Math.ceil(at.getHeight()), height - y);
        if (x < 0 || y < 0 || w <= 0 || h <= 0) {
            return Optional.empty();
        }
        return Optional.of(new StretchedPicture(view, width, height, x, y, w, h, part.wholeWidth(), part.wholeHeight(),
                part.wholeRows()));
    }

    /**
     * Writes {@code picture} to {@code file} a strip at a time (off the FX thread): each strip is
     * painted on the FX thread, and the next one asked for before this one is encoded, so that
     * painting and encoding overlap and at most two strips are held; {@code progress} hears the
     * share of rows written.
     */
    private static void writeInStrips(Path file, StretchedPicture picture, Jobs.Progress progress) throws IOException {
        int width = picture.width();
        int height = picture.height();
        int strip = Math.max(1, Math.min(MAX_STRIP_ROWS, STRIP_PIXELS / width));
        int[][] buffers = {new int[width * strip], new int[width * strip]};
        AtomicFiles.write(file, out -> {
            try (PngRows png = new PngRows(out, width, height, false)) {
                Future<int[]> next = paintLater(picture, 0, Math.min(strip, height), buffers[0]);
                for (int top = 0, k = 0; top < height; top += strip, k++) {
                    int rows = Math.min(strip, height - top);
                    int[] painted = await(next);
                    if (top + rows < height) {
                        next = paintLater(picture, top + rows, Math.min(strip, height - top - rows), buffers[(k + 1) % 2]);
                    }
                    png.write(painted, 0, rows);
                    progress.report((double) (top + rows) / height);
                }
                png.finish();
            }
        });
    }

    /** Rows {@code [top, top + rows)} of {@code picture} in {@code into}, painted on the FX thread. */
    private static Future<int[]> paintLater(StretchedPicture picture, int top, int rows, int[] into) {
        CompletableFuture<int[]> painted = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                picture.rows(top, rows, into);
                painted.complete(into);
            } catch (RuntimeException | Error e) {
                painted.completeExceptionally(e);
            }
        });
        return painted;
    }

    private static int[] await(Future<int[]> painted) throws IOException {
        try {
            return painted.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped");
        } catch (ExecutionException e) {
            throw new IOException(Problems.describe(e.getCause()), e.getCause());
        }
    }
}
