package org.mnistrecognition.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mnistrecognition.model.AtomicFiles;
import org.mnistrecognition.training.Evaluation;

/** The CSV files the app exports, each written atomically ({@link AtomicFiles}) in UTF-8. */
public final class CsvFiles {
    /** Writes the rows of one file. */
    @FunctionalInterface
    public interface Rows {
        void write(CsvWriter csv) throws IOException;
    }

    private CsvFiles() {
    }

    /** Writes {@code file} atomically with the rows {@code rows} writes. */
    public static void write(Path file, Rows rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            rows.write(new CsvWriter(w));
            w.flush();
        });
    }

    /**
     * An evaluation as two tables: per class (digit, images, guessed, correct, precision, recall,
     * F1), then after a blank line the confusion matrix (a row per true digit, a column per guess).
     *
     * @param title the first line, e.g. {@code "bundled model (best, 98.9%) on the MNIST test set"}
     */
    public static void writeEvaluation(Path file, String title, Evaluation e) throws IOException {
        write(file, csv -> evaluation(csv, title, e));
    }

    /** The rows of {@link #writeEvaluation}. */
    static void evaluation(CsvWriter csv, String title, Evaluation e) throws IOException {
        csv.row("evaluation", title);
        csv.row("accuracy", e.accuracy(), "correct", e.correct(), "images", e.total());
        csv.blank();
        csv.row("digit", "images", "guessed", "correct", "precision", "recall", "f1");
        int[][] c = e.confusion();
        for (int d = 0; d < e.classes(); d++) {
            csv.row(d, e.actual(d), e.guessed(d), c[d][d], e.precision(d), e.recall(d), e.f1(d));
        }
        csv.blank();
        Object[] header = new Object[e.classes() + 1];
        header[0] = "actual \\ guess";
        for (int d = 0; d < e.classes(); d++) {
            header[d + 1] = d;
        }
        csv.row(header);
        for (int a = 0; a < e.classes(); a++) {
            Object[] row = new Object[e.classes() + 1];
            row[0] = a;
            for (int g = 0; g < e.classes(); g++) {
                row[g + 1] = c[a][g];
            }
            csv.row(row);
        }
    }

    /** A training log: one row per iteration, {@code iteration,image,actual,guess,cost,right}. */
    public static void writeLog(Path file, LogTable log) throws IOException {
        write(file, csv -> log(csv, log));
    }

    /** The rows of {@link #writeLog}. */
    static void log(CsvWriter csv, LogTable log) throws IOException {
        csv.row("iteration", "image", "actual", "guess", "cost", "right");
        for (int i = 0; i < log.size(); i++) {
            csv.row(log.first() + i, log.sample()[i], log.actual()[i], log.guess()[i], (double) log.cost()[i],
                    log.actual()[i] == log.guess()[i] ? 1 : 0);
        }
    }
}
