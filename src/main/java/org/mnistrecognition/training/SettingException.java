package org.mnistrecognition.training;

/**
 * An impossible training setting, refused before a run starts. The message says what is wrong in
 * words a person can act on; {@link #setting()} says which setting it is about, so that the app
 * can mark its field and the command line name its option.
 */
public final class SettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final Setting setting;

    public SettingException(Setting setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting at fault. */
    public Setting setting() {
        return setting;
    }
}
