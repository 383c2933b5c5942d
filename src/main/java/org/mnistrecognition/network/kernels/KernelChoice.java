package org.mnistrecognition.network.kernels;

/** Picks the kernels once, at class initialisation, as Lucene picks its vector provider. */
final class KernelChoice {
    static final Kernels BEST = choose();

    private KernelChoice() {
    }

    private static Kernels choose() {
        if ("scalar".equalsIgnoreCase(System.getProperty("mnist.kernels", ""))) {
            return ScalarKernels.INSTANCE;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return ScalarKernels.INSTANCE;
        }
        try {
            return (Kernels) Class.forName("org.mnistrecognition.network.kernels.VectorKernels")
                    .getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return ScalarKernels.INSTANCE;
        }
    }
}
