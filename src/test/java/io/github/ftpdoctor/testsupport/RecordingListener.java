package io.github.ftpdoctor.testsupport;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.error.FtpException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records every event as one line ({@code name arg arg ...}, durations left out) and every argument as text, the
 * failures' messages, transcripts and stack traces included: what a listener could ever print.
 */
public final class RecordingListener implements EventListener {
    public final List<String> events = new ArrayList<>();
    public final List<String> shown = new ArrayList<>();
    public final List<Duration> durations = new ArrayList<>();

    private void add(String name, Object... args) {
        events.add(name + (args.length == 0 ? "" : " " + Arrays.stream(args).map(RecordingListener::brief)
                .collect(Collectors.joining(" "))));
        for (Object a : args) {
            shown.add(String.valueOf(a));
            if (a instanceof FtpException e) {
                shown.add(e.getMessage());
                shown.addAll(e.transcript());
                StringWriter w = new StringWriter();
                e.printStackTrace(new PrintWriter(w));
                shown.add(w.toString());
                shown.add(e.diagnosis().summary());
            } else if (a instanceof Diagnosis d) {
                shown.add(d.summary());
            } else if (a instanceof Reply r) {
                shown.addAll(r.lines());
            }
        }
    }

    private static String brief(Object a) {
        if (a instanceof FtpException e) {
            return e.diagnosis().outcome().name();
        }
        if (a instanceof Diagnosis d) {
            return d.outcome().name();
        }
        if (a instanceof Reply r) {
            return Integer.toString(r.code());
        }
        if (a instanceof InetSocketAddress s) {
            return s.getAddress().getHostAddress();
        }
        return String.valueOf(a);
    }

    private void took(Duration d) {
        durations.add(d);
    }

    /** The events whose name is one of {@code names}, in order. */
    public List<String> only(String... names) {
        List<String> wanted = List.of(names);
        return events.stream().filter(e -> wanted.contains(e.split(" ")[0])).collect(Collectors.toList());
    }

    @Override public void connectStart(String host, int port) { add("connectStart", host); }
    @Override public void connectEnd(InetSocketAddress a, Duration d) { add("connectEnd", a); took(d); }
    @Override public void connectFailed(String host, int port, FtpException e, Duration d) {
        add("connectFailed", host, e); took(d); }
    @Override public void tlsHandshakeStart() { add("tlsHandshakeStart"); }
    @Override public void tlsHandshakeEnd(String protocol, String cipher, Duration d) {
        add("tlsHandshakeEnd", protocol, cipher.isEmpty() ? "?" : "cipher"); took(d); }
    @Override public void tlsHandshakeFailed(FtpException e, Duration d) { add("tlsHandshakeFailed", e); took(d); }
    @Override public void loginStart(String user) { add("loginStart", user); }
    @Override public void loginEnd(String user, Diagnosis diag, Duration d) { add("loginEnd", user, diag); took(d); }
    @Override public void loginFailed(String user, FtpException e, Duration d) { add("loginFailed", user, e); took(d); }
    @Override public void commandStart(String verb, String arg) { add("commandStart", verb, arg); }
    @Override public void replyReceived(String verb, Reply r) { add("replyReceived", verb, r); }
    @Override public void commandEnd(String verb, Reply r, Diagnosis diag, Duration d) {
        add("commandEnd", verb, r, diag); took(d); }
    @Override public void commandFailed(String verb, FtpException e, Duration d) { add("commandFailed", verb, e); took(d); }
    @Override public void dataConnectionStart(String verb) { add("dataConnectionStart", verb); }
    @Override public void dataConnectionOpened(String verb, InetSocketAddress a, Duration d) {
        add("dataConnectionOpened", verb, a); took(d); }
    @Override public void dataConnectionFailed(String verb, FtpException e, Duration d) {
        add("dataConnectionFailed", verb, e); took(d); }
    @Override public void dataConnectionClosed(String verb, Duration d) { add("dataConnectionClosed", verb); took(d); }
    @Override public void transferStart(String verb, String path, long offset, long total) {
        add("transferStart", verb, path, offset, total); }
    @Override public void transferProgress(String verb, String path, long bytes, long total) {
        add("transferProgress", verb, path, bytes, total); }
    @Override public void transferEnd(String verb, String path, long bytes, Duration d) {
        add("transferEnd", verb, path, bytes); took(d); }
    @Override public void transferFailed(String verb, String path, long bytes, FtpException e, Duration d) {
        add("transferFailed", verb, path, bytes, e); took(d); }
    @Override public void sessionEnd(Duration d) { add("sessionEnd"); took(d); }
}
