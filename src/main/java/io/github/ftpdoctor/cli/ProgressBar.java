package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.TransferListener;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal: percentage when the size is known, bytes and speed always. */
final class ProgressBar implements TransferListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** A bar on standard error when it is a terminal and JSON was not asked for; otherwise nothing. */
    static TransferListener forTerminal(boolean json, PrintStream err) {
        return json || System.console() == null ? TransferListener.NONE : new ProgressBar(err);
    }

    @Override
    public void progress(String path, long bytes, long total) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && (total < 0 || bytes < total)) {
            return;
        }
        lastDraw = now;
        double secs = Math.max(1e-3, (now - started) / 1e9);
        String speed = String.format(Locale.ROOT, "%.1f MiB/s", bytes / secs / (1 << 20));
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * bytes / total);
            out.printf(Locale.ROOT, "\r[%s%s] %3d%% %s %s ", "#".repeat(filled), " ".repeat(WIDTH - filled),
                    Math.min(100, 100 * bytes / total), human(bytes), speed);
        } else {
            out.printf(Locale.ROOT, "\r%s %s ", human(bytes), speed);
        }
        if (total >= 0 && bytes >= total) {
            out.println();
        }
        out.flush();
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
