package org.mnistrecognition.app;

/** Where the main window was and how big, in screen coordinates. */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
}
