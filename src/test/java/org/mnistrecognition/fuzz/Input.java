package org.mnistrecognition.fuzz;

/**
 * One input of a fuzz test and how it was made.
 *
 * @param bytes the file's contents
 * @param how what was done to the valid file it started from, in a few words
 *        ("cut to 17 of 76 bytes"), so that a failure says what the reader was given
 */
record Input(byte[] bytes, String how) {
}
