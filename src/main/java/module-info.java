/**
 * mnist-recognition: train a neural network on MNIST, watch it learn, draw digits for it to read.
 *
 * <p>The core ({@code network}, {@code training}, {@code data}, {@code model}, {@code preprocess})
 * imports nothing from JavaFX; the command line ({@code cli}) and the desktop app ({@code app})
 * both sit on top of it.
 */
module org.mnistrecognition {
    requires static jdk.incubator.vector;
    requires java.desktop;
    requires ejml.core;
    requires ejml.ddense;
    requires ejml.simple;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires com.google.gson;
    requires javafx.controls;
    requires javafx.fxml;
    requires org.controlsfx.controls;

    exports org.mnistrecognition.network;
    exports org.mnistrecognition.network.kernels;
    exports org.mnistrecognition.training;
    exports org.mnistrecognition.data;
    exports org.mnistrecognition.app to javafx.graphics;
    exports org.mnistrecognition.preprocess;
    exports org.mnistrecognition.model;
    exports org.mnistrecognition.history;
    exports org.mnistrecognition.report;

    opens org.mnistrecognition.cli to info.picocli;
    opens org.mnistrecognition.app.drawing to javafx.fxml;
    opens org.mnistrecognition.app to javafx.fxml, com.google.gson;
    opens org.mnistrecognition.app.training to javafx.fxml, com.google.gson;
    opens org.mnistrecognition.app.evaluate to javafx.fxml;
    opens org.mnistrecognition.history to com.google.gson;
}
