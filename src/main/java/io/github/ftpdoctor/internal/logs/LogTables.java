package io.github.ftpdoctor.internal.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of client-log words the catalog ships ({@code reply-catalog/logs/*.tsv}, made from the clients' own
 * message catalogs): tab-separated rows, comment lines starting with {@code # }.
 */
final class LogTables {
    static final String ROOT = "/io/github/ftpdoctor/reply-catalog/logs/";

    private LogTables() {
    }

    /** The rows of a table, each with at least {@code columns} fields. */
    static List<String[]> read(String name, int columns) {
        String resource = ROOT + name;
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = LogTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.equals("#") || line.startsWith("# ")) { // "#10061" is a phrase
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < columns || f[0].isEmpty()) {
                    throw new IllegalStateException(resource + ": malformed line: " + line);
                }
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot read", e);
        }
        return rows;
    }
}
