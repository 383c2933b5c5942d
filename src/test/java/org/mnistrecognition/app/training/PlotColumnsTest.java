package org.mnistrecognition.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.history.LearningCurve;

class PlotColumnsTest {
    @Test
    void pointsInOneColumnAreMergedIntoLowestHighestAndMeanAverage() {
        LearningCurve curve = new LearningCurve(4);
        for (double cost : new double[] {1, 3, 2, 5}) {
            curve.add(cost);
        }
        // iterations 1..4 over 2 pixels: columns 0, 1, 1, 2; moving averages 1, 2, 2, 2.75
        PlotColumns p = PlotColumns.of(curve, 0, 2, 4);

        assertEquals(3, p.size());
        assertEquals(0, p.column(0));
        assertEquals(1, p.low(0));
        assertEquals(1, p.high(0));
        assertEquals(1, p.column(1));
        assertEquals(2, p.low(1));
        assertEquals(3, p.high(1));
        assertEquals(2, p.average(1), 1e-12);
        assertEquals(2, p.column(2));
        assertEquals(5, p.low(2));
        assertEquals(2.75, p.average(2), 1e-12);
    }

    @Test
    void aLongCurveGivesAtMostOnePointPerColumnKeepingItsExtremes() {
        LearningCurve curve = new LearningCurve(10_000);
        Random random = new Random(3);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 10_000; i++) {
            double cost = random.nextDouble() * 2;
            min = Math.min(min, cost);
            max = Math.max(max, cost);
            curve.add(cost);
        }
        PlotColumns p = PlotColumns.of(curve, 52, 300, 10_000);

        assertTrue(curve.points() > 1000, "the curve holds many points a column");
        assertTrue(p.size() <= 301, "one point a column at most: " + p.size());
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.size(); i++) {
            assertTrue(p.column(i) >= 52 && p.column(i) <= 352, "column " + p.column(i) + " in the plot");
            if (i > 0) {
                assertEquals(p.column(i - 1) + 1, p.column(i), "every column of a dense curve has its point");
            }
            assertTrue(p.low(i) <= p.average(i) + 2 && p.low(i) <= p.high(i));
            low = Math.min(low, p.low(i));
            high = Math.max(high, p.high(i));
        }
        assertEquals(min, low);
        assertEquals(max, high);
    }

    @Test
    void anEmptyCurveHasNoColumns() {
        assertEquals(0, PlotColumns.of(new LearningCurve(100), 0, 300, 100).size());
    }
}
