package org.mnistrecognition.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the program's version, from the jar manifest when packaged. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"mnist-recognition " + number(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }

    /** The version number, {@code 1.0.0}; {@code dev} when run from unpackaged classes. */
    public static String number() {
        String v = Version.class.getPackage().getImplementationVersion();
        if (v == null) {
            v = Version.class.getModule().getDescriptor() != null
                    ? Version.class.getModule().getDescriptor().rawVersion().orElse(null) : null;
        }
        return v == null ? "1.0.0" : v;
    }
}
