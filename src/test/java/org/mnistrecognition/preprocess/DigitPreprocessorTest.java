package org.mnistrecognition.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.preprocess.Drawings.Digit;

class DigitPreprocessorTest {

    /**
     * How alike two versions of one drawing must come out. A one-pixel shift of a 2-3 pixel stroke already
     * drops the cosine to about 0.7 and two different digits (the 1 and the 0 here) score below 0.5, while
     * the variants below all score 0.94 or more; 0.9 leaves room for rounding yet catches a lost stroke,
     * a wrong polarity or a misplaced digit.
     */
    private static final double ALIKE = 0.9;

    private static double[] mnist(BufferedImage image) throws NoDigitException {
        return DigitPreprocessor.toMnist(ImageFiles.gray(image));
    }

    @ParameterizedTest
    @EnumSource(Digit.class)
    void aDrawingBecomesA28x28DigitInA20PixelBoxCentredByMass(Digit digit) throws NoDigitException {
        double[] out = mnist(Drawings.reference(digit));

        assertEquals(28 * 28, out.length);
        double max = 0;
        for (double v : out) {
            assertTrue(v >= 0 && v <= 1, "value out of [0,1]: " + v);
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, 1e-12);
        int[] box = Drawings.inkBox(out);
        int longer = Math.max(box[0], box[1]);
        assertTrue(longer == 20 || longer == 21, "longer side of the ink's box: " + longer);
        double[] com = Drawings.centreOfMass(out);
        assertEquals(14, com[0], 0.5, "centre of mass x");
        assertEquals(14, com[1], 0.5, "centre of mass y");
    }

    static Stream<Arguments> variants() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Digit d : Digit.values()) {
            b.add(Arguments.of(d, "small", Drawings.draw(d, 40, 8, 5, 30, 2.5, Color.BLACK, Color.WHITE)));
            b.add(Arguments.of(d, "large", Drawings.draw(d, 1000, 250, 100, 800, 64, Color.BLACK, Color.WHITE)));
            b.add(Arguments.of(d, "thin", Drawings.draw(d, 280, 80, 40, 200, 2, Color.BLACK, Color.WHITE)));
            b.add(Arguments.of(d, "thick", Drawings.draw(d, 280, 80, 40, 200, 24, Color.BLACK, Color.WHITE)));
            b.add(Arguments.of(d, "off-centre", Drawings.draw(d, 280, 10, 150, 100, 8, Color.BLACK, Color.WHITE)));
            b.add(Arguments.of(d, "light on dark", Drawings.draw(d, 280, 80, 40, 200, 16, Color.WHITE, Color.BLACK)));
            b.add(Arguments.of(d, "grey on grey", Drawings.draw(d, 280, 80, 40, 200, 16, Color.LIGHT_GRAY, Color.DARK_GRAY)));
            b.add(Arguments.of(d, "red on yellow", Drawings.draw(d, 280, 80, 40, 200, 16, Color.RED, Color.YELLOW)));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void theSameDigitComesOutAlikeHoweverItIsDrawn(Digit digit, String how, BufferedImage variant) throws NoDigitException {
        double similarity = Drawings.cosine(mnist(Drawings.reference(digit)), mnist(variant));
        assertTrue(similarity > ALIKE, digit + " " + how + ": cosine " + similarity);
    }

    @Test
    void differentDigitsComeOutDifferent() throws NoDigitException {
        double similarity = Drawings.cosine(mnist(Drawings.reference(Digit.ONE)), mnist(Drawings.reference(Digit.ZERO)));
        assertTrue(similarity < 0.5, "cosine of a 1 and a 0: " + similarity);
    }

    @Test
    void aHairlineOnALargeCanvasIsThickenedToAnMnistStroke() throws NoDigitException {
        double[] out = mnist(Drawings.draw(Digit.ZERO, 1000, 250, 100, 800, 1, Color.BLACK, Color.WHITE));
        int saturated = 0;
        for (double v : out) {
            saturated += v > 0.9 ? 1 : 0;
        }
        // a ring 20 by 12 pixels is about 50 pixels round: a one-pixel hairline would leave few pixels near full ink
        assertTrue(saturated >= 40, "pixels near full ink: " + saturated);
    }

    @Test
    void canvasInkGivesTheSameAsItsPicture() throws NoDigitException {
        GrayImage picture = ImageFiles.gray(Drawings.reference(Digit.SEVEN));
        double[] ink = picture.values();
        for (int i = 0; i < ink.length; i++) {
            ink[i] = 1 - ink[i];
        }
        assertArrayEquals(DigitPreprocessor.toMnist(picture),
                DigitPreprocessor.toMnist(GrayImage.fromInk(ink, picture.width(), picture.height())), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5, 0.0})
    void aUniformPictureHasNoDigit(double level) {
        double[] values = new double[100 * 80];
        java.util.Arrays.fill(values, level);
        NoDigitException e = assertThrows(NoDigitException.class,
                () -> DigitPreprocessor.toMnist(new GrayImage(100, 80, values)));
        assertEquals("no digit found", e.getMessage());
    }

    @Test
    void faintNoiseIsNoDigit() {
        Random random = new Random(7);
        double[] values = new double[200 * 200];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.9 + 0.08 * random.nextDouble();
        }
        assertThrows(NoDigitException.class, () -> DigitPreprocessor.toMnist(new GrayImage(200, 200, values)));
    }

    @Test
    void anEmptyCanvasHasNoDigit() {
        assertThrows(NoDigitException.class, () -> DigitPreprocessor.toMnist(GrayImage.fromInk(new double[280 * 280], 280, 280)));
    }

    static Stream<String> mnistDigits() {
        return Stream.of("mnist-0-7", "mnist-1-2", "mnist-2-1", "mnist-3-0", "mnist-4-4");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(DigitPreprocessorTest.class.getResource(name).toURI());
    }

    /**
     * MNIST digits are already normalised: doing it again must leave them nearly as they were. Over all
     * 10,000 test digits the cosine has median 0.973 and 5th percentile 0.924; what remains is the half-pixel
     * of MNIST's whole-pixel centring and the resampling's slight blur.
     */
    @ParameterizedTest
    @MethodSource("mnistDigits")
    void anMnistDigitIsNearlyUnchanged(String name) throws Exception {
        double[] original = ImageFiles.read(fixture(name + ".png")).values();
        double similarity = Drawings.cosine(original, DigitPreprocessor.toMnist(new GrayImage(28, 28, original)));
        assertTrue(similarity > 0.9, name + ": cosine " + similarity);
    }

    /** The same MNIST digits enlarged tenfold and inverted, as if drawn on the canvas. */
    @ParameterizedTest
    @MethodSource("mnistDigits")
    void anEnlargedInvertedMnistDigitComesBack(String name) throws Exception {
        double[] original = ImageFiles.read(fixture(name + ".png")).values();
        double similarity = Drawings.cosine(original, DigitPreprocessor.toMnist(ImageFiles.read(fixture(name + "-large.png"))));
        assertTrue(similarity > 0.9, name + ": cosine " + similarity);
    }
}
