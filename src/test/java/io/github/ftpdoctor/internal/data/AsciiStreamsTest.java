package io.github.ftpdoctor.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsciiStreamsTest {
    private static String fromWire(String wire, boolean oneByteAtATime) throws IOException {
        InputStream raw = new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1));
        if (oneByteAtATime) {
            raw = new FilterInputStream(raw) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(1, len));
                }

                @Override
                public int available() {
                    return 0;
                }
            };
        }
        return new String(AsciiStreams.fromWire(raw).readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "one\\r\\ntwo\\r\\n|one\\ntwo\\n",
        "no line end|no line end",
        "lone\\rcr|lone\\rcr",
        "trailing cr\\r|trailing cr\\r",
        "\\r\\r\\n|\\r\\n",
        "bare\\nlf|bare\\nlf"})
    void wireToLocal(String wire, String local) throws IOException {
        String w = wire.replace("\\r", "\r").replace("\\n", "\n");
        String l = local.replace("\\r", "\r").replace("\\n", "\n");
        assertEquals(l, fromWire(w, false));
        assertEquals(l, fromWire(w, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a\\nb\\n|a\\r\\nb\\r\\n",
        "already\\r\\nfine|already\\r\\nfine",
        "none|none",
        "\\n\\n|\\r\\n\\r\\n"})
    void localToWire(String local, String wire) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = AsciiStreams.toWire(sink)) {
            out.write(local.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        assertEquals(wire.replace("\\r", "\r").replace("\\n", "\n"), sink.toString(StandardCharsets.ISO_8859_1));
    }

    @org.junit.jupiter.api.Test
    void aSliceOfABufferIsWrittenAndNothingAroundIt() throws IOException {
        byte[] buf = "xxxa\nbyyy".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = AsciiStreams.toWire(sink)) {
            out.write(buf, 3, 3);
        }
        assertEquals("a\r\nb", sink.toString(StandardCharsets.ISO_8859_1));
    }

    @org.junit.jupiter.api.Test
    void skipSkipsWhatWasAskedEvenWhenReadsComeShort() throws IOException {
        byte[] wire = "abcdefgh".getBytes(StandardCharsets.ISO_8859_1);
        InputStream raw = new FilterInputStream(new ByteArrayInputStream(wire)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(2, len));
            }
        };
        InputStream in = AsciiStreams.fromWire(raw);
        assertEquals(5, in.skip(5));
        assertEquals('f', in.read());
    }
}
