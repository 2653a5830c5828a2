package io.github.ftpdoctor.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What the server's certificate chain says: subject, issuer, expiry, self-signed, the names it covers and whether one
 * of them is the host connected to (RFC 6125: DNS names with a left-most wildcard label, IP addresses exactly; the
 * common name only when there is no DNS name), and whether the JDK's own trust store would accept it.
 */
final class CertificateFacts {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern CN = Pattern.compile("(?:^|,)\\s*CN=([^,]+)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final X509Certificate[] chain;
    private final X509Certificate leaf;
    private final String host;
    private final Instant now;

    CertificateFacts(X509Certificate[] chain, String host, Instant now) {
        if (chain == null || chain.length == 0) {
            throw new IllegalArgumentException("no certificate");
        }
        this.chain = chain.clone();
        this.leaf = chain[0];
        this.host = host;
        this.now = now;
    }

    /** Whole days until the certificate expires (negative once expired). */
    long daysLeft() {
        return Math.floorDiv(Duration.between(now, leaf.getNotAfter().toInstant()).toSeconds(), 86_400L);
    }

    boolean expired() {
        return now.isAfter(leaf.getNotAfter().toInstant());
    }

    boolean notYetValid() {
        return now.isBefore(leaf.getNotBefore().toInstant());
    }

    /** Issued by itself and signed with its own key. */
    boolean selfSigned() {
        if (!leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            return false;
        }
        try {
            leaf.verify(leaf.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    String subject() {
        return shortName(leaf.getSubjectX500Principal().getName());
    }

    String issuer() {
        return shortName(leaf.getIssuerX500Principal().getName());
    }

    /** The DNS names and IP addresses of the subject alternative names (else the common name). */
    List<String> names() {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    Object type = san.get(0);
                    if ((Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type)) && san.get(1) != null) {
                        names.add(san.get(1).toString());
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no usable alternative names
        }
        return names;
    }

    /** Whether the certificate names the host connected to. */
    boolean matchesHost() {
        boolean literal = IPV4.matcher(host).matches() || host.contains(":");
        boolean anyDns = false;
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    Object type = san.get(0);
                    String value = String.valueOf(san.get(1));
                    if (Integer.valueOf(7).equals(type) && literal && sameAddress(value, host)) {
                        return true;
                    }
                    if (Integer.valueOf(2).equals(type)) {
                        anyDns = true;
                        if (!literal && dnsMatches(value, host)) {
                            return true;
                        }
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (!literal && !anyDns) {
            Matcher m = CN.matcher(leaf.getSubjectX500Principal().getName());
            return m.find() && dnsMatches(m.group(1).trim(), host);
        }
        return false;
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b)); // both literals: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean dnsMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (!p.startsWith("*.")) {
            return p.equals(h);
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot).equals(p.substring(1)) && p.indexOf('.', 2) > 0;
    }

    /** The JDK's default trust manager (its cacerts, or {@code javax.net.ssl.trustStore}). */
    static X509TrustManager systemTrust() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the JDK has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK trust store: " + e.getMessage(), e);
        }
    }

    /**
     * Null when the JDK's own trust store accepts the chain (host name aside), else why not: what a client that
     * checks certificates would say.
     */
    String systemTrustProblem(String authType) {
        try {
            systemTrust().checkServerTrusted(chain, authType == null ? "UNKNOWN" : authType);
            return null;
        } catch (CertificateException e) {
            return String.valueOf(e.getMessage());
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** One line: subject, issuer, validity, names, chain length. */
    String describe() {
        StringBuilder sb = new StringBuilder("certificate ").append(subject());
        sb.append(selfSigned() ? " (self-signed)" : ", issued by " + issuer());
        long days = daysLeft();
        sb.append(", valid until ").append(DAY.format(leaf.getNotAfter().toInstant()));
        sb.append(expired() ? " (expired " + (-days) + " days ago)" : " (" + days + " days left)");
        if (notYetValid()) {
            sb.append(", not valid before ").append(DAY.format(leaf.getNotBefore().toInstant()));
        }
        List<String> names = names();
        sb.append(", names ").append(names.isEmpty() ? "none but the common name" : String.join(" ", names));
        sb.append(matchesHost() ? " (covers " : " (does not cover ").append(host).append(')');
        sb.append(", chain of ").append(chain.length);
        return sb.toString();
    }

    private static String shortName(String dn) {
        Matcher m = CN.matcher(dn);
        return m.find() ? "CN=" + m.group(1).trim() : dn;
    }
}
