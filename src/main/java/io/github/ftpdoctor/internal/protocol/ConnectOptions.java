package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.diagnosis.Classifier;
import java.nio.charset.Charset;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * What the internal layer needs to open a session; built by the public configuration.
 *
 * @param host            host name or address
 * @param port            TCP port
 * @param connectTimeout  for the TCP connect
 * @param replyTimeout    for each reply, the greeting included
 * @param charset         control encoding
 * @param autoDetect      try other likely encodings for replies that are not valid in {@code charset}
 * @param classifier      diagnoses replies and events; null for the built-in one, loaded when first needed
 * @param socketFactory   creates the control socket
 * @param transcriptLines how many transcript lines to keep
 * @param tls             FTPS settings, or null for plain FTP
 * @param listener        the session's event listener ({@link EventListener#NONE} for none)
 */
public record ConnectOptions(String host, int port, Duration connectTimeout, Duration replyTimeout, Charset charset,
                             boolean autoDetect, Classifier classifier, SocketFactory socketFactory,
                             int transcriptLines, TlsOptions tls, EventListener listener) {

    /**
     * The classifier; the built-in one when none was given. A session asks for it only to diagnose a failure, to
     * name the server, or for a listener, so a command line can read the catalog on another thread meanwhile.
     */
    @Override
    public Classifier classifier() {
        return classifier != null ? classifier : Classifier.standard();
    }

    /** Options without an event listener. */
    public ConnectOptions(String host, int port, Duration connectTimeout, Duration replyTimeout, Charset charset,
                          boolean autoDetect, Classifier classifier, SocketFactory socketFactory, int transcriptLines,
                          TlsOptions tls) {
        this(host, port, connectTimeout, replyTimeout, charset, autoDetect, classifier, socketFactory, transcriptLines,
                tls, EventListener.NONE);
    }

    /** Plain FTP options. */
    public ConnectOptions(String host, int port, Duration connectTimeout, Duration replyTimeout, Charset charset,
                          boolean autoDetect, Classifier classifier, SocketFactory socketFactory, int transcriptLines) {
        this(host, port, connectTimeout, replyTimeout, charset, autoDetect, classifier, socketFactory, transcriptLines,
                null);
    }
}
