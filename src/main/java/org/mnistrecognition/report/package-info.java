/**
 * What the app exports: CSV tables (a training log, an evaluation) and PNG pictures, each written
 * atomically. No JavaFX here: the app hands over plain arrays.
 */
package org.mnistrecognition.report;
