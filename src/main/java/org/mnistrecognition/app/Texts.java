package org.mnistrecognition.app;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mnistrecognition.Problems;

/** Wording shared by the screens: counts, durations and problems as a person reads them. */
public final class Texts {
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Texts() {
    }

    /** {@code 12,000}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1:05}, {@code 1:02:05}, or "–" when unknown. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** {@code 92.7%}, or "–" for NaN. */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "–";
    }

    /**
     * A network's probability: {@code 97.1%}, {@code <0.1%}, {@code >99.9%}, never rounded to a
     * certainty either way; "–" for NaN.
     */
    public static String probability(double p) {
        if (!Double.isFinite(p)) {
            return "–";
        }
        if (p >= 0.9995) {
            return ">99.9%";
        }
        return p < 0.0005 ? "<0.1%" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    /** An ISO-8601 instant in local time, {@code 2026-11-25 14:03}; the text as it is if it is not one. */
    public static String dateTime(String instant) {
        try {
            return LOCAL_MINUTE.format(Instant.parse(instant).atZone(ZoneId.systemDefault()));
        } catch (DateTimeException e) {
            return instant;
        }
    }

    /** {@code 98.96%}: two decimals, as a test set of 10,000 images allows; "–" for NaN. */
    public static String percent2(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f%%", 100 * fraction) : "–";
    }

    /**
     * A folder as a person reads it: {@code ~/.local/share/mnist-recognition/runs} for one in the
     * home folder (on Linux and macOS, whose shells read {@code ~} so), else the whole path.
     */
    public static String folder(Path folder) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        Path absolute = folder.toAbsolutePath();
        boolean tilde = !System.getProperty("os.name", "").startsWith("Windows");
        return tilde && absolute.startsWith(home) && !absolute.equals(home)
                ? "~/" + home.relativize(absolute).toString() : folder.toString();
    }

    /**
     * A one-line description of what went wrong with {@code file}: the exception's own message
     * when it names the file (the core's messages do), else the file and the problem.
     */
    public static String problem(Path file, Throwable e) {
        String message = Problems.describe(e);
        String name = file == null ? "" : file.toString();
        return name.isEmpty() || message.contains(name) || message.contains(String.valueOf(file.getFileName()))
                ? message : name + ": " + message;
    }
}
