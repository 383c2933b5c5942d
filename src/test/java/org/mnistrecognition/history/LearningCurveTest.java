package org.mnistrecognition.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A run's learning curve: bounded however long the run, and what of it the history keeps. */
class LearningCurveTest {
    @Test
    void theCurveStaysSmallHoweverLongTheRun() {
        LearningCurve curve = new LearningCurve(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            curve.add(i % 2 == 0 ? 0.2 : 0.4);
        }
        assertTrue(curve.points() <= LearningCurve.MAX_POINTS);
        assertTrue(curve.points() >= LearningCurve.MAX_POINTS / 2);
        assertEquals(1_000_000, curve.lastX());
        for (int i = 1; i < curve.points(); i++) {
            assertTrue(curve.x(i) > curve.x(i - 1));
            assertTrue(curve.low(i) <= curve.average(i) && curve.average(i) <= curve.high(i));
        }
        assertEquals(0.3, curve.average(curve.points() - 1), 0.01);
        assertEquals(0.2, curve.low(curve.points() - 1));
        assertEquals(0.4, curve.high(curve.points() - 1));
        curve.checkpoint(500_000, 0.91);
        curve.checkpoint(1_000_000, Double.NaN);
        assertEquals(1, curve.checkpoints());
    }

    @Test
    void theChartScaleIgnoresTheFirstSamples() {
        LearningCurve curve = new LearningCurve(5000);
        curve.add(9);
        for (int i = 1; i < 5000; i++) {
            curve.add(1);
        }
        assertTrue(curve.maxAverage() < 1.5, "the early spike does not set the scale: " + curve.maxAverage());
    }

    @Test
    void theHistoryKeepsAtMostFiveHundredPointsFromFirstToLast() {
        LearningCurve curve = new LearningCurve(300_000);
        for (int i = 1; i <= 300_000; i++) {
            curve.add(1.0 / i);
            if (i % 30_000 == 0) {
                curve.checkpoint(i, i / 300_000.0);
            }
        }
        CostCurve kept = curve.toCostCurve();
        assertEquals(CostCurve.MAX_POINTS, kept.size());
        assertEquals(curve.x(0), kept.iterations()[0], "the first point is kept");
        assertEquals(300_000, kept.iterations()[kept.size() - 1], "and the last");
        assertEquals(curve.average(curve.points() - 1), kept.cost()[kept.size() - 1]);
        assertEquals(10, kept.checkpoints().length, "every checkpoint is kept");
        assertEquals(1.0, kept.accuracy()[9]);

        LearningCurve short_ = new LearningCurve(100);
        for (int i = 0; i < 70; i++) {
            short_.add(0.5);
        }
        assertEquals(70, short_.toCostCurve().size(), "a short run keeps every point");
        assertEquals(70, short_.toCostCurve().iterations()[69], "up to the last sample");
    }

    @Test
    void aResumedRunsCurveStartsWhereItStopped() {
        LearningCurve curve = new LearningCurve(1000, 600);
        curve.add(4);
        curve.add(2);
        assertArrayEquals(new long[] {601, 602}, curve.toCostCurve().iterations());
        assertEquals(3, curve.average(1), 1e-12, "the average of this part only");
    }
}
