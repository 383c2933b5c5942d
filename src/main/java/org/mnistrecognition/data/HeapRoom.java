package org.mnistrecognition.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks that the heap can hold an array before a reader allocates it, so that a data set larger
 * than the memory Java was given is refused with a message naming the file, instead of ending in
 * an {@link OutOfMemoryError}. Readers only allocate for data that has actually arrived (never on
 * the word of a header alone); this covers data that is real but too large.
 */
public final class HeapRoom {
    private HeapRoom() {
    }

    /**
     * Throws unless {@code bytes} more fit in the heap now (after a garbage collection if they
     * seem not to).
     *
     * @param what what the bytes hold, for the message, e.g. {@code "the images"}
     */
    public static void require(Path file, String what, long bytes) throws DataFormatException {
        long free = room(bytes);
        if (bytes > free) {
            throw new DataFormatException(file, what + " need " + megabytes(bytes) + " of memory, more than the "
                    + megabytes(free) + " Java has free (give it more with -Xmx, e.g. -Xmx4g)");
        }
    }

    /**
     * The bytes the heap can still grow to hold, measured again after a garbage collection if
     * {@code bytes} seem not to fit (the garbage of a data set just read would otherwise count).
     */
    public static long room(long bytes) {
        long free = free();
        if (bytes <= free) {
            return free;
        }
        System.gc();
        return free();
    }

    /** The bytes the heap can still grow to hold. */
    static long free() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(0, bytes) >> 20);
    }
}
