package org.mnistrecognition.fuzz;

import java.lang.reflect.Method;

/**
 * The bytes the current thread has allocated so far, from HotSpot's
 * {@code com.sun.management.ThreadMXBean}. Looked up reflectively: the tests compile inside the
 * application's module, which does not read the management modules, but run on the class path.
 */
final class AllocatedBytes {
    private static final Object BEAN;
    private static final Method ALLOCATED;

    static {
        try {
            BEAN = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            ALLOCATED = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private AllocatedBytes() {
    }

    /** The bytes allocated by the current thread since it started. */
    static long ofThisThread() {
        try {
            return (Long) ALLOCATED.invoke(BEAN, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
