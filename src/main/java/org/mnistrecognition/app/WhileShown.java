package org.mnistrecognition.app;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A view model's refresh that runs only while its view is shown, one at a time: requests made out
 * of view mark it out of date, and it runs once, for the latest state, when the view shows again;
 * requests made while a refresh is still under way (its background job not done) make one more,
 * once it is done. For views that follow the network in use, which a run replaces several times a
 * second. FX thread only.
 */
public final class WhileShown {
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final Consumer<Runnable> refresh;
    private boolean stale;
    private boolean running;
    private boolean again;

    /**
     * @param refresh starts a refresh and calls the {@code Runnable} it is given once that refresh is
     *     done (at once if it did all its work there and then, else when its job ends)
     */
    public WhileShown(Consumer<Runnable> refresh) {
        this.refresh = refresh;
        shown.addListener((obs, was, now) -> {
            if (now && stale) {
                stale = false;
                run();
            }
        });
    }

    /** Refreshes now if the view is shown (or once the refresh under way is done), else when it next shows. */
    public void request() {
        if (shown.get()) {
            run();
        } else {
            stale = true;
        }
    }

    /** Whether the view is shown (bind it to its tab's selection); true by default. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    private void run() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        refresh.accept(this::done);
    }

    private void done() {
        running = false;
        if (again) {
            again = false;
            request();
        }
    }
}
