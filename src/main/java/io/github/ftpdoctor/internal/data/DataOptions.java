package io.github.ftpdoctor.internal.data;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How data connections are made; built by the public configuration.
 *
 * @param active              active mode (the server connects back) instead of passive
 * @param trustPassiveAddress connect to the address a 227 reply names instead of the control connection's peer
 * @param activePortLow       lowest local port for active mode, 0 for any
 * @param activePortHigh      highest local port for active mode, 0 for any
 * @param activeAddress       the address announced in PORT/EPRT, or null for the control connection's local one
 * @param connectTimeout      for connecting to a passive port, and for the server to connect back in active mode
 * @param readTimeout         the longest silence on the data connection
 * @param bufferSize          copy buffer size
 */
public record DataOptions(boolean active, boolean trustPassiveAddress, int activePortLow, int activePortHigh,
                          InetAddress activeAddress, Duration connectTimeout, Duration readTimeout, int bufferSize) {

    int connectMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    }

    int readMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
    }
}
