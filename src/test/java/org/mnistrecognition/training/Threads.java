package org.mnistrecognition.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The threads alive now, to check that runs leave none of theirs behind: a snapshot taken before,
 * compared with the threads alive after, given a few seconds to end.
 */
public final class Threads {
    private final Set<Thread> before;

    private Threads(Set<Thread> before) {
        this.before = before;
    }

    /** The threads alive now. */
    public static Threads snapshot() {
        return new Threads(new HashSet<>(Thread.getAllStackTraces().keySet()));
    }

    /**
     * The threads started since the snapshot that are still alive after waiting up to
     * {@code seconds} for them to end, as "name (daemon)" or "name"; the JVM-wide timer of the
     * training feed (one for the whole app, started on first use) does not count.
     */
    public List<String> leftSince(double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (before.contains(t) || t.getName().equals("training-feed-timer")) {
                continue;
            }
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                left.add(t.getName() + (t.isDaemon() ? " (daemon)" : ""));
            }
        }
        return left;
    }
}
