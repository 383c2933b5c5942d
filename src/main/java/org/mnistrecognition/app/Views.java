package org.mnistrecognition.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads FXML views whose controllers are made by a factory that hands each of them the shared
 * {@link AppState} (constructor {@code (AppState)}); nested {@code <fx:include>}s use the same
 * factory.
 */
public final class Views {
    private Views() {
    }

    /**
     * A loaded view.
     *
     * @param root the view's root node
     * @param controller its FXML controller
     */
    public record Loaded<C>(Parent root, C controller) {
    }

    /** Loads {@code ViewClass.fxml} next to the view class. */
    public static <C> Loaded<C> load(Class<C> view, AppState state) {
        URL fxml = view.getResource(view.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("no " + view.getSimpleName() + ".fxml beside " + view.getName());
        }
        return load(fxml, state);
    }

    /** Loads the FXML at {@code fxml}. */
    public static <C> Loaded<C> load(URL fxml, AppState state) {
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(controllerFactory(state));
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml + ": " + e.getMessage(), e);
        }
    }

    /** Makes controllers with a public {@code (AppState)} constructor, or else a public no-argument one. */
    public static Callback<Class<?>, Object> controllerFactory(AppState state) {
        return type -> {
            try {
                try {
                    return type.getConstructor(AppState.class).newInstance(state);
                } catch (NoSuchMethodException e) {
                    return type.getConstructor().newInstance();
                }
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("cannot create " + type.getName() + ": " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
            }
        };
    }
}
