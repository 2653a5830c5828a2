package io.github.ftpdoctor.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a daemon, root, a tool, IPv6 on loopback, a charset), checked in one place.
 * Outside CI a missing requirement skips the test (a JUnit assumption); under {@code CI=true} it fails the test with
 * the same message, so a CI run can never pass by skipping.
 *
 * <pre>{@code
 * Requirements.require(Files.isExecutable(BINARY), "vsftpd not installed at /usr/sbin/vsftpd");
 * }</pre>
 */
public final class Requirements {
    /** The environment variable CI systems set; {@code .ci/run} sets it to {@code true}. */
    public static final String CI_VARIABLE = "CI";

    private Requirements() {
    }

    /** True when the environment variable {@code CI} is {@code true} (any case) or {@code 1}. */
    public static boolean inCi() {
        String ci = System.getenv(CI_VARIABLE);
        return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
    }

    /**
     * Returns normally when {@code condition} holds. Otherwise fails the test under CI, or skips it elsewhere; the
     * message says what is missing (and should say how to provide it).
     */
    public static void require(boolean condition, String missing) {
        if (condition) {
            return;
        }
        if (inCi()) {
            Assertions.fail("missing in CI (CI=true, so this fails instead of skipping): " + missing);
        }
        Assumptions.abort("skipped, " + missing + " (under CI=true this fails)");
    }

    /**
     * For a check that is only part of a test: under CI a missing requirement fails the test; elsewhere the test
     * goes on without that part (the caller skips it).
     */
    public static void requireInCi(boolean condition, String missing) {
        if (!condition && inCi()) {
            Assertions.fail("missing in CI (CI=true): " + missing);
        }
    }

    /** {@link #require(boolean, String)} for a condition whose check may throw: an exception counts as missing. */
    public static void require(BooleanSupplier condition, String missing) {
        boolean holds;
        String why = "";
        try {
            holds = condition.getAsBoolean();
        } catch (RuntimeException e) {
            holds = false;
            why = ": " + e;
        }
        require(holds, missing + why);
    }

    /** An executable named {@code tool} on the PATH, e.g. {@code openssl}. */
    public static void requireTool(String tool, String debianPackage) {
        require(onPath(tool), tool + " not found on PATH (apt-get install " + debianPackage + ")");
    }

    /** Whether an executable of that name is in one of the PATH's directories. */
    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
