package org.mnistrecognition.app;

/**
 * How a view model tells the person something that needs attention: the view shows errors in a
 * dialog and news in a passing notification. View models only call it; they never show anything.
 */
public interface Feedback {
    /** Feedback that goes nowhere (until a view connects). */
    Feedback NONE = new Feedback() {
        @Override
        public void error(String title, String message) {
        }

        @Override
        public void info(String title, String message) {
        }
    };

    /** Something went wrong; {@code message} names the file or setting and the problem. */
    void error(String title, String message);

    /** Something finished. */
    void info(String title, String message);
}
