package io.github.ftpdoctor.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of one {@link TransferBench} scenario: each row's median MB/s, its runs (a run that competed with other
 * programs marked *), and its ratio to each yardstick row of the scenario (curl, Commons Net with its defaults and
 * with a 1 MiB buffer, the bare NIO socket): above 1.00x is faster than the yardstick.
 */
final class TransferTable {
    private TransferTable() {
    }

    static void print(TransferBench.Scenario s, Map<String, List<Double>> transfer, Map<String, List<Double>> session,
                       Map<String, List<Double>> foreign, int reps) {
        List<TransferBench.Contender> cs = s.contenders();
        List<TransferBench.Role> yardsticks = new ArrayList<>();
        Map<TransferBench.Role, String> names = new LinkedHashMap<>();
        for (TransferBench.Contender c : cs) {
            if (c.role() != TransferBench.Role.NONE && names.putIfAbsent(c.role(), c.name()) == null) {
                yardsticks.add(c.role());
            }
        }
        String curlName = names.get(TransferBench.Role.CURL);
        System.out.println();
        System.out.println(s.title() + ", median of " + reps + ":");
        StringBuilder head = new StringBuilder(String.format("| %-56s | %13s | %-40s |", "client", "transfer MB/s", "runs"));
        StringBuilder rule = new StringBuilder("|" + "-".repeat(58) + "|" + "-".repeat(15) + "|" + "-".repeat(42) + "|");
        for (TransferBench.Role r : yardsticks) {
            head.append(String.format(" %11s |", "x " + label(r)));
            rule.append("-".repeat(13)).append("|");
        }
        head.append(String.format(" %12s | %10s |", "session MB/s", "x curl"));
        rule.append("-".repeat(14)).append("|").append("-".repeat(12)).append("|");
        System.out.println(head);
        System.out.println(rule);
        for (TransferBench.Contender c : cs) {
            double t = BenchSupport.median(transfer.get(c.name()));
            double ss = BenchSupport.median(session.get(c.name()));
            StringBuilder each = new StringBuilder();
            List<Double> runs = transfer.get(c.name());
            for (int i = 0; i < runs.size(); i++) {
                each.append(i == 0 ? "" : " / ").append(String.format("%.0f", runs.get(i)))
                        .append(foreign.get(c.name()).get(i) > TransferBench.BUSY_PERCENT ? "*" : "");
            }
            StringBuilder row = new StringBuilder(String.format("| %-56s | %13.0f | %-40s |", c.name(), t, each));
            for (TransferBench.Role r : yardsticks) {
                row.append(String.format(" %10.2fx |", t / BenchSupport.median(transfer.get(names.get(r)))));
            }
            row.append(String.format(" %12.0f | %9.2fx |", ss, curlName == null ? Double.NaN
                    : ss / BenchSupport.median(session.get(curlName))));
            System.out.println(row);
        }
    }

    private static String label(TransferBench.Role r) {
        return switch (r) {
            case CURL -> "curl";
            case CN_DEFAULTS -> "CN dflt";
            case CN_1MIB -> "CN 1 MiB";
            case BARE -> "bare";
            case NONE -> "";
        };
    }
}
