package org.mnistrecognition.app.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.app.PictureExport;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.training.ImageResults;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A gallery saved as a picture shows every tile, not only those in view, in the columns it has on
 * screen: on its own, and inside a view whose picture grows by what the gallery hides.
 */
@ExtendWith(ApplicationExtension.class)
class GalleryPictureTest {
    private static final int IMAGES = 300;
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 420, 300));
        stage.show();
    }

    /** {@code IMAGES} digits, each an inked 8×8 square in the middle of a blank 28×28, labelled and guessed as {@code i % 10}. */
    private static Gallery gallery() {
        byte[] pixels = new byte[IMAGES * 784];
        byte[] labels = new byte[IMAGES];
        byte[] top = new byte[IMAGES * ImageResults.TOP];
        float[] probability = new float[IMAGES * ImageResults.TOP];
        for (int i = 0; i < IMAGES; i++) {
            for (int y = 10; y < 18; y++) {
                for (int x = 10; x < 18; x++) {
                    pixels[i * 784 + y * 28 + x] = (byte) 255;
                }
            }
            labels[i] = (byte) (i % 10);
            for (int k = 0; k < ImageResults.TOP; k++) {
                top[i * ImageResults.TOP + k] = (byte) ((i + k) % 10);
                probability[i * ImageResults.TOP + k] = k == 0 ? 0.9f : 0.05f;
            }
        }
        int[] order = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            order[i] = i;
        }
        return new Gallery(new DataSet("squares", 28, 28, pixels, labels), new ImageResults(10, labels, top, probability),
                order, "");
    }

    private ImageGallery showGallery(FxRobot robot, Function<ImageGallery, Parent> around) {
        AtomicReference<ImageGallery> gallery = new AtomicReference<>();
        robot.interact(() -> {
            ImageGallery g = new ImageGallery();
            g.galleryProperty().set(gallery());
            gallery.set(g);
            stage.setScene(new Scene(around.apply(g), 420, 300));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return gallery.get();
    }

    private static Fakes.Messages save(FxRobot robot, Node node, Path file) throws Exception {
        Fakes.Messages messages = new Fakes.Messages();
        robot.interact(() -> PictureExport.save(node, file, messages));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !messages.news.isEmpty() || !messages.errors.isEmpty());
        return messages;
    }

    private static boolean dark(PixelReader png, int x, int y) {
        return png.getColor(x, y).getBrightness() < 0.3;
    }

    /** Whether any pixel in the rectangle is dark (text, say). */
    private static boolean anyDark(PixelReader png, int x, int y, int w, int h) {
        for (int j = y; j < y + h; j++) {
            for (int i = x; i < x + w; i++) {
                if (dark(png, i, j)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Checks that the picture shows the last tile, whose gallery starts at {@code (0, top)} in it:
     * its ink square and its text, with background beside it.
     */
    private static void assertLastTileShown(ImageGallery gallery, Image png, int top) {
        int columns = gallery.columns();
        int row = (IMAGES - 1) / columns;
        int col = (IMAGES - 1) % columns;
        int x = (int) (TileView.GAP + col * (gallery.tileWidth() + TileView.GAP));
        int y = top + (int) (TileView.GAP + row * (gallery.tileHeight() + TileView.GAP));
        PixelReader pixels = png.getPixelReader();
        // the 28x28 image sits 4 pixels in and 4 down (64 - 56) / 2, at twice its size: its ink from 20 to 36 in both
        assertTrue(dark(pixels, x + 4 + 28, y + 4 + 28), "the last tile's picture is painted");
        assertFalse(dark(pixels, x + 4 + 4, y + 4 + 4), "its corner is blank");
        assertTrue(anyDark(pixels, x + 64, y + 20, 56, 40), "its text is painted");
        int beside = (int) (x + gallery.tileWidth() + TileView.GAP + 10);
        assertEquals(TileView.BACKGROUND, pixels.getArgb(Math.min(beside, (int) png.getWidth() - 1), y + 30),
                "background beside it: no tile after the last");
    }

    @Test
    void aGalleryIsSavedWithEveryTileInItsColumns(FxRobot robot) throws Exception {
        ImageGallery gallery = showGallery(robot, StackPane::new);
        assertTrue(gallery.isCut(), "a few rows in view of " + IMAGES / gallery.columns());
        Path file = dir.resolve("gallery.png");
        Fakes.Messages messages = save(robot, gallery, file);
        assertEquals(List.of("Picture saved: " + file), messages.news);

        Image png = new Image(file.toUri().toString());
        assertFalse(png.isError(), "the PNG decodes");
        int rows = (IMAGES + gallery.columns() - 1) / gallery.columns();
        assertEquals(420, (int) png.getWidth());
        assertEquals(TileView.GAP + rows * (gallery.tileHeight() + TileView.GAP), png.getHeight(), 0.0,
                "every row of tiles, " + rows + " of them");
        assertTrue(png.getHeight() > 2048, "taller than a strip: painted in several");
        assertLastTileShown(gallery, png, 0);
        assertTrue(dark(png.getPixelReader(), (int) TileView.GAP + 4 + 28, (int) TileView.GAP + 4 + 28), "the first tile too");
    }

    @Test
    void aViewWithAGalleryGrowsByWhatTheGalleryHides(FxRobot robot) throws Exception {
        AtomicReference<BorderPane> view = new AtomicReference<>();
        ImageGallery gallery = showGallery(robot, g -> {
            Label title = new Label("Squares");
            title.setMinHeight(40);
            title.setStyle("-fx-background-color: #202020; -fx-text-fill: white;");
            title.setMaxWidth(Double.MAX_VALUE);
            view.set(new BorderPane(g, title, null, null, null));
            return view.get();
        });
        Path file = dir.resolve("view.png");
        Fakes.Messages messages = save(robot, view.get(), file);
        assertEquals(List.of("Picture saved: " + file), messages.news);

        Image png = new Image(file.toUri().toString());
        int top = (int) Math.round(gallery.getLayoutY());
        assertEquals(40, top);
        assertEquals(300 - gallery.getHeight() + gallery.wholeHeight(), png.getHeight(), 0.0,
                "the view, less the gallery in view, plus the whole gallery");
        assertTrue(dark(png.getPixelReader(), 5, 5), "the title above the gallery");
        assertLastTileShown(gallery, png, top);
    }

    @Test
    void galleryChangedWhileSavingIsReportedAndLeavesNoFile(FxRobot robot) throws Exception {
        ImageGallery gallery = showGallery(robot, StackPane::new);
        Path file = dir.resolve("changed.png");
        Fakes.Messages messages = new Fakes.Messages();
        robot.interact(() -> {
            PictureExport.save(gallery, file, messages);
            // before the first strip is painted (it waits for the FX thread), another set of images
            gallery.galleryProperty().set(Gallery.empty("none"));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !messages.news.isEmpty() || !messages.errors.isEmpty());
        assertEquals(List.of(), messages.news);
        assertEquals(List.of("Cannot save the picture: cannot write " + file
                + ": the pictures changed while they were being saved; save them again"), messages.errors);
        assertFalse(Files.exists(file));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temporary file left");
        }
    }
}
