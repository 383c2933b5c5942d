package org.mnistrecognition.app;

import org.mnistrecognition.app.training.TrainingSettings;

/**
 * What the app remembers between launches.
 *
 * @param window the main window's place and size (null: centred on the primary screen)
 * @param divider the position of the divider between the training and the drawing pane, 0 to 1
 * @param training the training form as last typed (null: the {@code seed} preset)
 * @param speed the training speed's name
 * @param mistakesOnly whether the log shows mistakes only
 * @param follow whether the log follows its end
 * @param lastFolder the folder of the last file opened or saved ("" for none)
 */
public record AppSettings(WindowPlacement window, double divider, TrainingSettings training, String speed,
                          boolean mistakesOnly, boolean follow, String lastFolder) {

    /** A first launch. */
    public static AppSettings defaults() {
        return new AppSettings(null, 0.6, null, "FULL", false, true, "");
    }
}
