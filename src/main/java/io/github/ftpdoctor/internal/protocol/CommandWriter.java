package io.github.ftpdoctor.internal.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * Writes commands to the control connection. An argument with CR, LF or NUL is refused before anything is
 * sent (it would smuggle a second command), and so is one the control encoding cannot represent (sending
 * '?' in its place could name another file).
 */
public final class CommandWriter {
    private final OutputStream out;
    private CharsetEncoder encoder;

    public CommandWriter(OutputStream out, Charset charset) {
        this.out = out;
        setCharset(charset);
    }

    public void setCharset(Charset charset) {
        this.encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    public Charset charset() {
        return encoder.charset();
    }

    /** Checks a command before sending; the argument's value never appears in the message for PASS. */
    public static void validate(String verb, String argument) {
        if (verb == null || verb.isEmpty() || verb.length() > 16) {
            throw new IllegalArgumentException("FTP command verb must be 1 to 16 letters: " + verb);
        }
        for (int i = 0; i < verb.length(); i++) {
            char c = verb.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("FTP command verb must be letters and digits only");
            }
        }
        if (argument == null) {
            return;
        }
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                String shown = Transcript.isSecret(verb) ? "" : " \"" + escape(argument) + "\"";
                throw new IllegalArgumentException("refused to send " + verb.toUpperCase(java.util.Locale.ROOT)
                        + ": its argument" + shown + " contains " + name(c) + " at index " + i
                        + ", which would end the command early");
            }
        }
    }

    /**
     * Checks and encodes a command line; nothing is written.
     *
     * @throws IllegalArgumentException for CR, LF or NUL, a bad verb, or a character the encoding cannot represent
     */
    public ByteBuffer encode(String verb, String argument) {
        validate(verb, argument);
        String line = argument == null ? verb + "\r\n" : verb + " " + argument + "\r\n";
        try {
            encoder.reset();
            return encoder.encode(CharBuffer.wrap(line));
        } catch (CharacterCodingException e) {
            String shown = Transcript.isSecret(verb) ? "its argument" : "\"" + argument + "\"";
            throw new IllegalArgumentException("refused to send " + verb + ": " + shown
                    + " cannot be written in the control encoding " + encoder.charset().name(), e);
        }
    }

    /** Writes a command encoded by {@link #encode(String, String)} and flushes. */
    public void write(ByteBuffer bytes) throws IOException {
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        out.flush();
    }

    /** Checks, encodes and writes a command. */
    public void write(String verb, String argument) throws IOException {
        write(encode(verb, argument));
    }

    private static String name(char c) {
        return c == '\r' ? "CR" : c == '\n' ? "LF" : "NUL";
    }

    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
