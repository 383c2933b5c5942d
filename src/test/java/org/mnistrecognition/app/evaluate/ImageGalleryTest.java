package org.mnistrecognition.app.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.data.DataSet;
import org.mnistrecognition.training.ImageResults;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A gallery keeps its selection only when it is shown the same images in the same order again. */
class ImageGalleryTest {
    private static final DataSet IMAGES = new DataSet("four", 28, 28, new byte[4 * 784], new byte[] {1, 2, 3, 4});
    private static final ImageResults RESULTS = new ImageResults(10, new byte[] {1, 2, 3, 4},
            new byte[4 * ImageResults.TOP], new float[4 * ImageResults.TOP]);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void anotherListOfTheSameLengthClearsTheSelection() throws Exception {
        AtomicInteger kept = new AtomicInteger();
        AtomicInteger afterOther = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> {
            ImageGallery gallery = new ImageGallery();
            gallery.galleryProperty().set(new Gallery(IMAGES, RESULTS, new int[] {0, 1}, ""));
            gallery.selectedProperty().set(1);
            gallery.galleryProperty().set(new Gallery(IMAGES, RESULTS, new int[] {0, 1}, ""));
            kept.set(gallery.selectedProperty().get());
            gallery.galleryProperty().set(new Gallery(IMAGES, RESULTS, new int[] {2, 3}, ""));
            afterOther.set(gallery.selectedProperty().get());
        }).get();
        assertEquals(1, kept.get(), "the same list read again keeps the selection");
        assertEquals(-1, afterOther.get(), "two other images (another cell of the same count) start afresh");
    }
}
