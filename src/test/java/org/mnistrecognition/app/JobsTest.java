package org.mnistrecognition.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Jobs as the app runs them: tasks on the shared daemon threads, outcomes on the FX thread. Every
 * wait is limited to 30 s, a guard against a hang, not a speed test.
 */
class JobsTest {
    private final Jobs jobs = Jobs.standard("jobs test");
    /** What the outcome heard, in order ("progress 0.5", "done x", "failed ...", "cancelled"), marked if off the FX thread. */
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private final Jobs.Outcome<String> outcome = new Jobs.Outcome<>() {
        @Override
        public void progress(double fraction) {
            heard.add("progress " + fraction + on());
        }

        @Override
        public void done(String value) {
            end("done " + value);
        }

        @Override
        public void failed(Throwable problem) {
            end("failed " + problem.getClass().getSimpleName() + ": " + problem.getMessage());
        }

        @Override
        public void cancelled() {
            end("cancelled");
        }

        private void end(String what) {
            heard.add(what + on());
            ended.complete(what);
        }

        private String on() {
            return Platform.isFxApplicationThread() ? "" : " (off the FX thread!)";
        }
    };

    private static <T> T fx(Callable<T> what) throws Exception {
        return WaitForAsyncUtils.asyncFx(what).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theWorkRunsOnASharedDaemonThreadAndItsResultIsHeardOnTheFxThread() throws Exception {
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        fx(() -> jobs.start(p -> {
            worker.complete(Thread.currentThread());
            return Thread.currentThread().getName();
        }, outcome));
        assertEquals("done background: jobs test", ended.get(30, TimeUnit.SECONDS));
        Thread thread = worker.get();
        assertTrue(thread.isDaemon(), "a daemon thread never keeps the JVM alive");
        assertEquals(List.of("done background: jobs test"), heard);
    }

    @Test
    void anOutOfMemoryErrorIsReportedAsAFailure() throws Exception {
        fx(() -> jobs.start(p -> {
            throw new OutOfMemoryError("Java heap space");
        }, outcome));
        assertEquals("failed OutOfMemoryError: Java heap space", ended.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aLinkageErrorIsReportedAsAFailure() throws Exception {
        fx(() -> jobs.start(p -> {
            throw new UnsatisfiedLinkError("no kernels");
        }, outcome));
        assertEquals("failed UnsatisfiedLinkError: no kernels", ended.get(30, TimeUnit.SECONDS));
    }

    @Test
    void cancellingInterruptsTheWorkAndIsHeardAsCancelledOnlyOnceTheWorkHasStopped() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jobs test");
            t.setDaemon(true);
            return t;
        });
        try {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch stop = new CountDownLatch(1);
            CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
            Jobs.Job job = fx(() -> new Jobs(one).start(p -> {
                started.countDown();
                try {
                    new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                    interrupted.complete(false);
                    return "not interrupted";
                } catch (InterruptedException e) {
                    interrupted.complete(true);
                    // the work takes a while to wind down (a fine-tuning finishing its step)
                    stop.await(30, TimeUnit.SECONDS);
                    throw e;
                }
            }, outcome));
            assertTrue(started.await(30, TimeUnit.SECONDS));
            fx(() -> {
                job.cancel();
                return null;
            });
            assertTrue(interrupted.get(30, TimeUnit.SECONDS), "the work was interrupted");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of(), heard, "nothing is heard while the work still runs");
            stop.countDown();
            assertEquals("cancelled", ended.get(30, TimeUnit.SECONDS));
            assertTrue(interrupted.get(30, TimeUnit.SECONDS), "the work was interrupted");
            one.submit(() -> { }).get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of("cancelled"), heard, "the work's end (an InterruptedException) is not heard as a failure");
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void aJobCancelledBeforeItStartsNeverRuns() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        fx(() -> {
            Jobs.Job job = new Jobs.Job();
            job.cancel();
            new Jobs(Runnable::run).start(job, p -> {
                ran.set(true);
                return "ran";
            }, outcome);
            return null;
        });
        assertEquals("cancelled", ended.get(30, TimeUnit.SECONDS));
        assertFalse(ran.get());
    }

    @Test
    void progressReportedWhileTheFxThreadIsBusyIsHandedOverOnceWithTheLatestShare() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> reported = new CompletableFuture<>();
        fx(() -> jobs.start(p -> {
            go.await(30, TimeUnit.SECONDS);
            for (int i = 1; i <= 10_000; i++) {
                p.report(i / 10_000.0);
            }
            reported.complete(null);
            return "counted";
        }, outcome));
        Platform.runLater(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        go.countDown();
        reported.get(30, TimeUnit.SECONDS);
        release.countDown();
        assertEquals("done counted", ended.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("progress 1.0", "done counted"), heard,
                "10,000 reports while the FX thread was busy: one hand-over, with the latest share, before the result");
    }

    @Test
    void jobsInOrderNeverOvertakeEachOther() throws Exception {
        Jobs inOrder = Jobs.inOrder("in order");
        CountDownLatch secondStarted = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        fx(() -> {
            inOrder.start(p -> {
                // were the jobs run side by side, the second would start while the first waits here
                boolean overtaken = secondStarted.await(1, TimeUnit.SECONDS);
                ran.add("first" + (overtaken ? " (overtaken)" : ""));
                return "first";
            }, new Jobs.Outcome<String>() {
                @Override
                public void done(String value) {
                }

                @Override
                public void failed(Throwable problem) {
                }
            });
            return inOrder.start(p -> {
                secondStarted.countDown();
                ran.add("second on " + Thread.currentThread().getName());
                return "second";
            }, new Jobs.Outcome<String>() {
                @Override
                public void done(String value) {
                    second.complete(value);
                }

                @Override
                public void failed(Throwable problem) {
                    second.completeExceptionally(problem);
                }
            });
        });
        assertEquals("second", second.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("first", "second on in order"), ran);
    }
}
