package org.mnistrecognition.app;

import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

/**
 * Tooltips for menu items, which JavaFX menu items lack: an item's text goes in its properties
 * under {@value #KEY} (in FXML, {@code <properties tooltip="..."/>}) and is installed on the
 * node that draws the item once its menu first shows.
 */
final class MenuTooltips {
    static final String KEY = "tooltip";
    private static final String INSTALLED = "tooltip-installed";

    private MenuTooltips() {
    }

    /** Gives every item of {@code bar}'s menus that has a tooltip text its tooltip when shown. */
    static void install(MenuBar bar) {
        for (Menu menu : bar.getMenus()) {
            menu.addEventHandler(Menu.ON_SHOWN, e -> installOn(menu));
        }
    }

    private static void installOn(Menu menu) {
        for (MenuItem item : menu.getItems()) {
            Object text = item.getProperties().get(KEY);
            Node node = item.getStyleableNode();
            if (text != null && node != null && node.getProperties().get(INSTALLED) == null) {
                Tooltip.install(node, new Tooltip(text.toString()));
                node.getProperties().put(INSTALLED, Boolean.TRUE);
            }
        }
    }
}
