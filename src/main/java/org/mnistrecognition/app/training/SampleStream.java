package org.mnistrecognition.app.training;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The per-iteration log of a run on its way from the training thread (the one writer) to the FX
 * thread (the one reader): chunks of preallocated primitive arrays, so that writing a sample
 * allocates nothing, takes no lock and never waits, and no sample is ever dropped. Read chunks are
 * recycled for the writer.
 */
final class SampleStream {
    /** Samples per chunk. */
    static final int CHUNK = 4096;

    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(Chunk.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Receives the samples of one chunk, {@code from} inclusive to {@code to} exclusive. */
    interface Sink {
        void samples(int[] sample, byte[] actual, byte[] guess, float[] cost, int from, int to);
    }

    /** One block of samples; {@code size} is published by the writer with release semantics. */
    static final class Chunk {
        final int[] sample = new int[CHUNK];
        final byte[] actual = new byte[CHUNK];
        final byte[] guess = new byte[CHUNK];
        final float[] cost = new float[CHUNK];
        @SuppressWarnings("unused")
        private volatile int size;
    }

    private final ConcurrentLinkedQueue<Chunk> queued = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Chunk> free = new ConcurrentLinkedQueue<>();
    /** Writer side. */
    private Chunk writing;
    private int written = CHUNK;
    /** Reader side. */
    private Chunk reading;
    private int read;

    /** Appends one sample; called by the writer only. */
    void add(int sample, int actual, int guess, double cost) {
        Chunk c = writing;
        int n = written;
        if (n == CHUNK) {
            c = free.poll();
            if (c == null) {
                c = new Chunk();
            }
            queued.offer(c);
            writing = c;
            n = 0;
        }
        c.sample[n] = sample;
        c.actual[n] = (byte) actual;
        c.guess[n] = (byte) guess;
        c.cost[n] = (float) cost;
        written = n + 1;
        SIZE.setRelease(c, n + 1);
    }

    /** Hands every sample written since the last call to {@code sink}, in order; called by the reader only. */
    void drain(Sink sink) {
        while (true) {
            if (reading == null) {
                reading = queued.poll();
                read = 0;
                if (reading == null) {
                    return;
                }
            }
            int size = (int) SIZE.getAcquire(reading);
            if (read < size) {
                sink.samples(reading.sample, reading.actual, reading.guess, reading.cost, read, size);
                read = size;
            }
            if (size < CHUNK) {
                return;
            }
            Chunk done = reading;
            reading = null;
            SIZE.setRelease(done, 0);
            free.offer(done);
        }
    }
}
