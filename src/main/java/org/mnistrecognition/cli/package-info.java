/**
 * The command line ({@code train}, {@code evaluate}, {@code classify}, {@code bench}) on picocli, over the same core as the app.
 */
package org.mnistrecognition.cli;
