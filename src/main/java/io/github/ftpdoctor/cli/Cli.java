package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.diagnosis.Diagnosis;

/** Argument checks and exit status shared by the commands. */
final class Cli {
    private Cli() {
    }

    static void checkLang(String lang) {
        if (!"en".equalsIgnoreCase(lang) && !"zh".equalsIgnoreCase(lang)) {
            throw new IllegalArgumentException("--lang must be en or zh, not '" + lang + "'");
        }
    }

    static int replyCode(String code) {
        if (code == null || !code.matches("[1-6][0-9][0-9]")) {
            throw new IllegalArgumentException("CODE must be a three-digit reply code from 100 to 699, not '" + code + "'");
        }
        return Integer.parseInt(code);
    }

    /** 0 when the outcome is not a failure (Success and positive intermediate replies), 1 for a diagnosed failure. */
    static int exitStatus(Diagnosis d) {
        return d.isFailure() ? 1 : 0;
    }
}
