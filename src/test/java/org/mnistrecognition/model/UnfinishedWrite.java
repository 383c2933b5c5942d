package org.mnistrecognition.model;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Run in a JVM of its own by {@link AtomicFilesTest}: replaces the file given with a write that
 * never finishes, on a daemon thread, lists the folder while the temporary file is there, then
 * exits as the app does when its window closes (having asked, as the app does, for unfinished
 * writes to be cleared away at exit).
 */
public final class UnfinishedWrite {
    private UnfinishedWrite() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        AtomicFiles.deleteUnfinishedAtExit();
        CountDownLatch writing = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                AtomicFiles.write(target, out -> {
                    out.write("new, unfinished".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    writing.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException("stopped");
                    }
                });
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "writer");
        writer.setDaemon(true);
        writer.start();
        writing.await();
        try (Stream<Path> files = Files.list(target.getParent())) {
            System.out.println("while writing: " + files.map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.joining(" ")));
        }
        System.exit(0);
    }
}
