package org.mnistrecognition.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mnistrecognition.report.PngFile;

/**
 * Saves what a chart, gallery or whole view shows as a PNG file: the node is photographed on the
 * FX thread (as it is on screen), the file written in the background, atomically; a problem is
 * shown in a dialog naming the file. Views add a "Save as PNG…" context menu with
 * {@link #install}.
 */
public final class PictureExport {
    private static final Jobs JOBS = Jobs.standard("save picture");
    private static final FileChooser.ExtensionFilter PNG_FILES = new FileChooser.ExtensionFilter("PNG pictures (*.png)", "*.png");
    /** Where the save dialog opens, and how the folder chosen is remembered: the main window's last folder, kept in its settings. */
    private static Supplier<Optional<File>> lastFolder = Optional::empty;
    private static Consumer<Path> rememberFolder = folder -> { };

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

    /** Asks where to save a picture of {@code node}, then saves it. */
    public static void ask(Node node, String name) {
        Window owner = node.getScene() == null ? null : node.getScene().getWindow();
        Dialogs.saveFile(owner, "Save as PNG", PNG_FILES, name + ".png", lastFolder.get()).ifPresent(path -> {
            rememberFolder.accept(path.getParent());
            save(node, path, Dialogs.feedback(node));
        });
    }

    /** Photographs {@code node} now and writes the picture to {@code file} in the background. */
    public static void save(Node node, Path file, Feedback feedback) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        WritableImage image = node.snapshot(parameters, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        JOBS.start(p -> {
            PngFile.write(file, w, h, argb);
            return file;
        }, new Jobs.Outcome<Path>() {
            @Override
            public void done(Path saved) {
                feedback.info("Picture saved", saved.toString());
            }

            @Override
            public void failed(Throwable problem) {
                feedback.error("Cannot save the picture", Texts.problem(file, problem));
            }
        });
    }
}
