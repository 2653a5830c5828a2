package io.github.ftpdoctor.analysis;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.internal.logs.LogAnalysis;
import io.github.ftpdoctor.internal.logs.LogFinding;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a client's session log, as users paste it, and diagnoses every failure in it: each negative reply in the
 * context of the command it answered (and of the login name, anonymous or not), each transport event the client
 * reports, and the exception a program ended with. Positive replies are context only.
 *
 * <p>Formats are recognised line by line, so that logs may be mixed or pasted together: {@code lftp -d}; BSD
 * {@code ftp} and tnftp ({@code -d -v}, or a terminal session with {@code ftp>} prompts); {@code ncftp -d};
 * {@code curl -v} (also with its progress meter); Python {@code ftplib} debug output at levels 1 and 2 and the
 * traceback that ends it; Java stack traces (Apache Commons Net) and Commons Net's {@code PrintCommandListener};
 * WinSCP session logs; FileZilla (also with its log file's time stamps); CuteFTP, as in the seed; this project's
 * own reports; plain transcripts ({@code 220 ...} and {@code USER x}, unprefixed or with {@code >}/{@code <} or
 * {@code C:}/{@code S:}); and, as a fallback, commands and replies inside other text. Lines of program code, stack
 * frames, the source lines a traceback quotes and option echoes are never evidence; the exception line that ends a
 * traceback is (it is what the client concluded).
 *
 * <p>What only follows from an earlier failure is folded into it rather than reported again, and the failure that
 * ended each connection is marked as its cause (see {@link Finding}). A reply after a close, or a connecting line,
 * starts a new connection; its first reply is its greeting, and the server family is recognised from it (or from a
 * SYST reply) with the catalog's fingerprints, as the client itself would.
 *
 * <p>Passwords: a {@code PASS} (or {@code ACCT}) argument is never stored, nor anything typed at a prompt that is
 * not a command, so no finding can carry one; passwords in URLs and {@code PASS} commands inside a client's
 * messages are masked. Thread-safe: each call keeps its own state.
 */
public final class TranscriptAnalyzer {
    /** Longer lines are truncated to this many characters. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /** Lines after this many are not read. */
    public static final int MAX_LINES = 1_000_000;

    private final Classifier classifier;

    public TranscriptAnalyzer(Classifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** An analyzer over the built-in catalog. */
    public static TranscriptAnalyzer standard() {
        return new TranscriptAnalyzer(Classifier.standard());
    }

    /** The failures in the log's lines, in order; lines over 64 KiB are truncated, lines after 1,000,000 ignored. */
    public List<Finding> analyze(List<String> lines) {
        return findings(LogAnalysis.analyze(classifier, lines, MAX_LINES, MAX_LINE_CHARS));
    }

    /**
     * The failures in a log read to its end (or its 1,000,000th line), line by line, without holding it in memory;
     * lines end at LF, CR LF or CR and are truncated at 64 KiB. The reader is not closed.
     */
    public List<Finding> analyze(Reader reader) throws IOException {
        return findings(LogAnalysis.analyze(classifier, reader, MAX_LINES, MAX_LINE_CHARS));
    }

    private static List<Finding> findings(List<LogFinding> found) {
        List<Finding> out = new ArrayList<>(found.size());
        for (LogFinding f : found) {
            out.add(new Finding(f.line(), f.diagnosis(), f.cause(), f.folded(), LogFormat.valueOf(f.format().name())));
        }
        return List.copyOf(out);
    }
}
