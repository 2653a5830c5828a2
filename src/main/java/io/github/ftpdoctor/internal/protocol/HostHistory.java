package io.github.ftpdoctor.internal.protocol;

import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process has seen of each host: recent failed logins. Servers that ban automatically (fail2ban,
 * ProFTPD mod_ban, FileZilla Server, Serv-U) refuse, reset or ignore the connections that follow failed logins,
 * so the classifier reads such a connection failure as a likely ban. Bounded; entries expire.
 */
public final class HostHistory {
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_HOSTS = 10_000;
    private static final Map<String, Entry> HOSTS = new ConcurrentHashMap<>();

    private record Entry(int failures, long lastNanos) {
    }

    private HostHistory() {
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** A login to the host was refused. */
    public static void loginFailed(String host, int port) {
        if (HOSTS.size() >= MAX_HOSTS) {
            expire();
        }
        long now = System.nanoTime();
        HOSTS.merge(key(host, port), new Entry(1, now), (old, one) -> new Entry(old.failures() + 1, now));
    }

    /** A login to the host succeeded: earlier failures no longer point to a ban. */
    public static void loginSucceeded(String host, int port) {
        HOSTS.remove(key(host, port));
    }

    /** Failed logins to the host within the last hour. */
    public static int recentFailedLogins(String host, int port) {
        Entry e = HOSTS.get(key(host, port));
        if (e == null) {
            return 0;
        }
        if (System.nanoTime() - e.lastNanos() > WINDOW.toNanos()) {
            HOSTS.remove(key(host, port));
            return 0;
        }
        return e.failures();
    }

    /** Forgets everything (for tests). */
    public static void clear() {
        HOSTS.clear();
    }

    private static void expire() {
        long now = System.nanoTime();
        for (Iterator<Entry> it = HOSTS.values().iterator(); it.hasNext();) {
            if (now - it.next().lastNanos() > WINDOW.toNanos()) {
                it.remove();
            }
        }
        if (HOSTS.size() >= MAX_HOSTS) {
            HOSTS.clear();
        }
    }
}
