package org.mnistrecognition.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A view model's refresh that runs only while its view is shown: requests made out of view mark
 * it out of date, and it runs once, for the latest state, when the view shows again. For views
 * that follow the network in use, which a run replaces several times a second. FX thread only.
 */
public final class WhileShown {
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final Runnable refresh;
    private boolean stale;

    public WhileShown(Runnable refresh) {
        this.refresh = refresh;
        shown.addListener((obs, was, now) -> {
            if (now && stale) {
                stale = false;
                refresh.run();
            }
        });
    }

    /** Refreshes now if the view is shown, else when it next shows. */
    public void request() {
        if (shown.get()) {
            refresh.run();
        } else {
            stale = true;
        }
    }

    /** Whether the view is shown (bind it to its tab's selection); true by default. */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
