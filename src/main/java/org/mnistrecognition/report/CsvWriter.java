package org.mnistrecognition.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes comma-separated values as RFC 4180 says: a cell holding a comma, quote or line break
 * is quoted, quotes doubled; lines end with CRLF; numbers in the root locale (a dot for decimals).
 */
public final class CsvWriter {
    private final Writer out;

    /** Writes to {@code out} (not closed by this writer). */
    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** One row of cells, each written as {@link #cell} does. */
    public CsvWriter row(Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
        return this;
    }

    /** An empty line, between two tables of one file. */
    public CsvWriter blank() throws IOException {
        out.write("\r\n");
        return this;
    }

    /**
     * A value as a cell: null and NaN as empty, doubles with up to 6 significant decimals as
     * {@code Double.toString} would give too many, text quoted when it must be.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return Double.isNaN(d) ? "" : d > 0 ? "inf" : "-inf";
            }
            String s = String.format(Locale.ROOT, "%.6g", d);
            if (s.contains("e")) {
                return s;
            }
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        String s = value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    public void flush() throws IOException {
        out.flush();
    }
}
