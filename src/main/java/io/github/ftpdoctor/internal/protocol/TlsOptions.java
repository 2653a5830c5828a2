package io.github.ftpdoctor.internal.protocol;

import javax.net.ssl.SSLContext;

/**
 * FTPS settings for a session.
 *
 * @param explicit       AUTH TLS after the greeting (false: implicit, TLS from the start)
 * @param context        the SSL context (trust material)
 * @param probe          notes whether the server asked for a client certificate; null with a caller's own context
 * @param verifyHostname check the certificate names the host connected to
 * @param protectData    PROT P (encrypted data connections) rather than PROT C
 * @param protocols      TLS protocol versions to enable, or null for the JDK's defaults
 */
public record TlsOptions(boolean explicit, SSLContext context, ClientCertificateProbe probe, boolean verifyHostname,
                         boolean protectData, String[] protocols) {
}
