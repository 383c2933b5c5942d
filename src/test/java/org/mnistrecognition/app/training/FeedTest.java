package org.mnistrecognition.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mnistrecognition.training.Checkpoint;
import org.mnistrecognition.training.Progress;

/** The path from the training thread to the UI: nothing lost, in order, one pending drain at a time. */
class FeedTest {

    /** Collects what a drain hands over. */
    private static final class Collector implements TrainingFeed.Sink {
        final List<Integer> samples = new ArrayList<>();
        final List<Object> events = new ArrayList<>();

        @Override
        public void samples(int[] sample, byte[] actual, byte[] guess, float[] cost, int from, int to) {
            for (int i = from; i < to; i++) {
                samples.add(sample[i]);
                assertEquals(sample[i] % 10, actual[i]);
                assertEquals((float) sample[i], cost[i]);
            }
        }

        @Override
        public void progress(Progress progress) {
            events.add(progress);
        }

        @Override
        public void checkpoint(Checkpoint checkpoint) {
            events.add(checkpoint);
        }
    }

    @Test
    void aConcurrentReaderGetsEverySampleInOrder() throws Exception {
        SampleStream stream = new SampleStream();
        int n = 5 * SampleStream.CHUNK + 17;
        Thread writer = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                stream.add(i, i % 10, 0, i);
            }
        });
        Collector got = new Collector();
        writer.start();
        while (writer.isAlive()) {
            stream.drain(got);
        }
        writer.join();
        stream.drain(got);
        assertEquals(n, got.samples.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, got.samples.get(i));
        }
    }

    @Test
    void oneDrainIsPendingAtATime() throws Exception {
        LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        Collector got = new Collector();
        TrainingFeed[] feed = new TrainingFeed[1];
        feed[0] = new TrainingFeed(ui::add, () -> feed[0].drain(got));
        for (int i = 0; i < 10_000; i++) {
            feed[0].iteration(i + 1, i, i % 10, 3, i);
        }
        feed[0].progress(new Progress(10_000, 20_000, 1, 0.5, 0.9, 1000, 10, 0.1));
        assertEquals(1, ui.size(), "one pending drain for 10,000 samples and a summary");
        ui.take().run();
        assertEquals(10_000, got.samples.size());
        assertEquals(1, got.events.size());
        for (int i = 10_000; i < 20_000; i++) {
            feed[0].iteration(i + 1, i, i % 10, 3, i);
        }
        feed[0].checkpoint(new Checkpoint(20_000, 0.8));
        Runnable next = ui.poll(10, TimeUnit.SECONDS);
        assertTrue(next != null, "the next drain is scheduled");
        assertTrue(ui.isEmpty());
        next.run();
        assertEquals(20_000, got.samples.size());
        assertEquals(2, got.events.size());
    }

    @Test
    void theLogKeepsEveryRowAndListsTheMistakes() {
        IterationLog log = new IterationLog(0);
        int[] added = new int[2];
        log.rows().addListener((javafx.collections.ListChangeListener<LogRow>) c -> {
            while (c.next()) {
                added[0] += c.getAddedSize();
            }
        });
        log.mistakes().addListener((javafx.collections.ListChangeListener<LogRow>) c -> {
            while (c.next()) {
                added[1] += c.getAddedSize();
            }
        });
        int n = 3000;
        int[] sample = new int[n];
        byte[] actual = new byte[n];
        byte[] guess = new byte[n];
        float[] cost = new float[n];
        for (int i = 0; i < n; i++) {
            sample[i] = i;
            actual[i] = (byte) (i % 10);
            guess[i] = (byte) (i % 3 == 0 ? (i + 1) % 10 : i % 10);
            cost[i] = i / 1000f;
        }
        log.append(sample, actual, guess, cost, 0, 1000);
        log.append(sample, actual, guess, cost, 1000, n);
        assertEquals(n, log.rows().size());
        assertEquals(1000, log.mistakes().size());
        assertEquals(n, added[0]);
        assertEquals(1000, added[1]);
        assertEquals(new LogRow(1235, 1234, 4, 4, 1234 / 1000f), log.rows().get(1234));
        LogRow wrong = log.mistakes().get(5);
        assertEquals(16, wrong.iteration());
        assertTrue(!wrong.right());
    }

    @Test
    void aLongRunKeepsItsLastRowsAndTellsTheTableWhatWentAndCame() {
        IterationLog log = new IterationLog(500, 1000);
        java.util.List<LogRow> rows = new ArrayList<>();
        java.util.List<LogRow> mistakes = new ArrayList<>();
        mirror(log.rows(), rows);
        mirror(log.mistakes(), mistakes);
        int n = 5000;
        int[] sample = new int[n];
        byte[] actual = new byte[n];
        byte[] guess = new byte[n];
        float[] cost = new float[n];
        for (int i = 0; i < n; i++) {
            sample[i] = i;
            actual[i] = (byte) (i % 10);
            guess[i] = (byte) (i % 7 == 0 ? (i + 1) % 10 : i % 10);
            cost[i] = i;
        }
        int[] batches = {300, 300, 300, 300, 1700, 100};
        int from = 0;
        for (int b : batches) {
            log.append(sample, actual, guess, cost, from, from + b);
            from += b;
            assertEquals(log.rows(), rows, "the table's copy follows the changes");
            assertEquals(log.mistakes(), mistakes);
            assertEquals(rows.stream().filter(r -> !r.right()).toList(), mistakes, "the mistakes are those of the rows kept");
        }
        assertEquals(1000, log.size(), "at most 1000 rows kept");
        assertEquals(500 + 3000, log.total());
        assertTrue(log.capped());
        assertEquals(500 + 3000 - 1000 + 1, log.rows().get(0).iteration(), "the last 1000 iterations");
        assertEquals(500 + 3000, log.rows().get(999).iteration());
        assertEquals(3000 / 7 + 1, log.allMistakes(), "every mistake of the run is counted, shown or not");
    }

    @Test
    void aCappedLogTellsEachBatchAsOneChange() {
        IterationLog log = new IterationLog(0, 100);
        int[] changes = new int[1];
        log.rows().addListener((javafx.collections.ListChangeListener<LogRow>) c -> changes[0]++);
        int n = 150;
        int[] sample = new int[n];
        byte[] actual = new byte[n];
        byte[] guess = new byte[n];
        float[] cost = new float[n];
        log.append(sample, actual, guess, cost, 0, 80);
        log.append(sample, actual, guess, cost, 80, 150);
        assertEquals(2, changes[0], "the rows dropped and added by the second batch came as one change");
        assertEquals(100, log.size());
    }

    private static void mirror(javafx.collections.ObservableList<LogRow> list, java.util.List<LogRow> copy) {
        list.addListener((javafx.collections.ListChangeListener<LogRow>) c -> {
            while (c.next()) {
                for (int i = 0; i < c.getRemovedSize(); i++) {
                    assertEquals(copy.remove(c.getFrom()), c.getRemoved().get(i), "the row removed is the one the table had");
                }
                copy.addAll(c.getFrom(), c.getAddedSubList());
            }
        });
    }
}
