package io.github.ftpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog eval} on a small corpus of its own: the score, the exit status, and the held-out misses. */
class CatalogEvalCommandTest {
    private static final String HEADER = "family\tlang\tcommand\tcode\ttext\toutcome\tsource\tnote\n";

    private static Path corpus(Path dir, String expectedForDiskFull) throws IOException {
        Files.createDirectories(dir.resolve("replies"));
        Files.writeString(dir.resolve("dangerous-misreads.tsv"), "expected\tread_as\twhy\n"
                + "PerIpSessionLimit\tBadCredentialsOrUnknownUser\ta limit read as bad credentials\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("replies/one.tsv"), HEADER
                + "one\ten\tPASS\t530\tLogin incorrect.\tBadCredentialsOrUnknownUser\ttest\t\n"
                + "one\ten\tSTOR\t452\tDisk full.\t" + expectedForDiskFull + "\ttest\t\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("replies/two.tsv"), HEADER
                + "two\ten\tRETR\t550\tNo such file or directory.\tFileNotFound\ttest\t\n", StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void scoresACorpusAndFailsBelowTheGivenAccuracy(@TempDir Path dir) throws IOException {
        CliTest.Run right = CliTest.run("catalog", "eval", corpus(dir.resolve("a"), "InsufficientStorage").toString());
        assertEquals(0, right.status(), right.out() + right.err());
        assertTrue(right.out().startsWith("Evaluation corpus: 3 rows, 2 units; accuracy 100.00 %"), right.out());

        CliTest.Run wrong = CliTest.run("catalog", "eval", "--leave-one-out", "--held-out-misses", "5",
                corpus(dir.resolve("b"), "QuotaExceeded").toString());
        assertEquals(1, wrong.status(), "2 of 3 is below 97 %");
        assertTrue(wrong.out().contains("Misses with one held out (1):"), wrong.out());
        assertTrue(wrong.out().contains("\"Disk full.\" expected QuotaExceeded, read as InsufficientStorage"),
                wrong.out());
        assertFalse(wrong.out().contains("Misses with two held out"), "a unit without misses lists none");
    }
}
