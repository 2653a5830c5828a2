package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.diagnosis.Reply;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session transcript at DEBUG on the logger {@code io.github.ftpdoctor.transcript}, as an event listener:
 * {@code [address:port] > command} ({@code PASS ****}: the events never carry a password) and
 * {@code [address:port] < reply}. A session gets one only when that logger is at DEBUG when it opens.
 */
final class TranscriptLog implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.ftpdoctor.transcript");
    private static final String GREETING = io.github.ftpdoctor.diagnosis.ExchangeContext.CONNECT;

    private String peer = "?";

    static boolean enabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public void connectStart(String host, int port) {
        peer = host + ":" + port;
    }

    @Override
    public void connectEnd(InetSocketAddress address, java.time.Duration duration) {
        peer = (address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString())
                + ":" + address.getPort();
    }

    @Override
    public void commandStart(String verb, String argument) {
        if (!GREETING.equals(verb)) {
            LOG.debug("[{}] > {}", peer, Transcript.show(verb, argument));
        }
    }

    @Override
    public void replyReceived(String verb, Reply reply) {
        LOG.debug("[{}] < {}", peer, String.join("\n< ", reply.lines()));
    }
}
