package io.github.ftpdoctor.spring;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.FtpConfig;

/**
 * A bean that adjusts what the starter builds for each configured server; every method does nothing by default.
 * The metrics are one: with Micrometer present, a customizer adds its event listener and the pool's gauges.
 */
public interface FtpDoctorCustomizer {
    /** An event listener factory for the server's sessions, or null; all customizers' factories are combined. */
    default EventListener.Factory eventListenerFactory(String server) {
        return null;
    }

    /** Changes the sessions' configuration (after the properties were applied). */
    default void customize(String server, FtpConfig.Builder config) {
    }

    /** Told of the server's pool once it is built. */
    default void poolCreated(String server, FtpClientPool pool) {
    }
}
