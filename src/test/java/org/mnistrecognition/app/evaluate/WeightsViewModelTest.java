package org.mnistrecognition.app.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.UserFolders;
import org.mnistrecognition.app.AppState;
import org.mnistrecognition.network.Network;

/** The weights screen's view model: each unit's incoming weights as a picture, scaled, following the network. */
class WeightsViewModelTest {
    @TempDir
    Path home;

    @Test
    void eachUnitIsAPictureOfItsWeightsScaledByItsLargest() {
        AppState state = new AppState(new UserFolders(home.resolve("c"), home.resolve("d")));
        WeightsViewModel model = new WeightsViewModel(state, Fakes.jobsNow());
        assertNull(model.weightsProperty().get());
        Network network = Fakes.network(784, 3);
        Fakes.act(() -> state.networkProperty().set(network));
        WeightImages w = model.weightsProperty().get();
        assertEquals(16, w.units());
        assertEquals(28, w.rows());
        assertEquals(28, w.cols());
        double[] data = network.layer(0).weights().data;
        for (int unit : new int[] {0, 7, 15}) {
            double max = 0;
            for (int i = 0; i < 784; i++) {
                max = Math.max(max, Math.abs(data[i * 16 + unit]));
            }
            assertEquals(max, w.scale()[unit], 1e-12);
            for (int pixel : new int[] {0, 300, 783}) {
                assertEquals(data[pixel * 16 + unit] / max, w.values()[unit * 784 + pixel], 1e-6,
                        "unit " + unit + " pixel " + pixel);
            }
        }
        assertTrue(model.summaryProperty().get().startsWith("784-16-10: the first layer's weights into each of its 16 units"),
                model.summaryProperty().get());

        Fakes.act(() -> model.scaleProperty().set(WeightImages.Scale.SHARED));
        WeightImages shared = model.weightsProperty().get();
        double largest = 0;
        for (double v : data) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertEquals(largest, shared.scale()[5], 1e-12);
        assertEquals(data[100 * 16 + 5] / largest, shared.values()[5 * 784 + 100], 1e-6);

        model.selectedUnitProperty().set(5);
        assertTrue(model.unitTextProperty().get().startsWith("Unit 5: full colour is a weight of ±"),
                model.unitTextProperty().get());

        long before = model.updates();
        Fakes.act(() -> state.networkProperty().set(Fakes.network(784, 4)));
        assertEquals(before + 1, model.updates(), "a new network, new pictures");
    }

    @Test
    void outOfViewTheNewNetworksWaitForTheTabToShow() {
        AppState state = new AppState(new UserFolders(home.resolve("c"), home.resolve("d")));
        WeightsViewModel model = new WeightsViewModel(state, Fakes.jobsNow());
        model.shownProperty().set(false);
        long before = model.updates();
        for (int i = 0; i < 5; i++) {
            Fakes.act(() -> state.networkProperty().set(Fakes.network(784, 3)));
        }
        assertEquals(before, model.updates(), "no pictures made out of view");
        Fakes.act(() -> model.shownProperty().set(true));
        assertEquals(before + 1, model.updates(), "one set of pictures, of the latest network, when shown");
        assertEquals(16, model.weightsProperty().get().units());
    }

    @Test
    void inputsThatMakeNoPictureAreSaid() {
        AppState state = new AppState(new UserFolders(home.resolve("c"), home.resolve("d")));
        WeightsViewModel model = new WeightsViewModel(state, Fakes.jobsNow());
        Fakes.act(() -> state.networkProperty().set(Fakes.network(50, 1)));
        assertNull(model.weightsProperty().get());
        assertEquals("The first layer's 50 inputs do not make a square picture.", model.messageProperty().get());
    }

    @Test
    void colourMapRunsBlueWhiteRed() {
        assertEquals(0xFF0571B0, DivergingColours.argb(-1));
        assertEquals(0xFFF7F7F7, DivergingColours.argb(0));
        assertEquals(0xFFCA0020, DivergingColours.argb(1));
        assertEquals(0xFFCA0020, DivergingColours.argb(7));
        assertEquals(DivergingColours.NOT_A_NUMBER, DivergingColours.argb(Double.NaN));
    }
}
