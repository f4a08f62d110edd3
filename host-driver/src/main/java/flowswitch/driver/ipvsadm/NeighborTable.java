package flowswitch.driver.ipvsadm;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IPv4 neighbours in {@code ip neigh} output ({@code 10.0.0.11 dev eth1 lladdr 52:54:00:12:34:56 REACHABLE}):
 * where the LVS director learnt its real servers' MACs. Entries without a link-layer address (FAILED, INCOMPLETE)
 * and IPv6 entries are skipped.
 */
public final class NeighborTable {
    private NeighborTable() {
    }

    /**
     * @throws ImportException listing malformed lines and addresses given two different MACs
     */
    public static Map<Ipv4Address, MacAddress> parse(String text, String source) {
        Map<Ipv4Address, MacAddress> macs = new LinkedHashMap<>();
        Map<Ipv4Address, Integer> lineOf = new HashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] words = lines[i].strip().split("\\s+");
            if (words[0].isEmpty() || words[0].contains(":")) {
                continue;
            }
            int line = i + 1;
            int lladdr = List.of(words).indexOf("lladdr");
            try {
                Ipv4Address ip = Ipv4Address.parse(words[0]);
                if (lladdr < 0) {
                    continue;
                }
                if (lladdr + 1 >= words.length) {
                    throw new IllegalArgumentException("lladdr without an address");
                }
                MacAddress mac = MacAddress.parse(words[lladdr + 1]);
                MacAddress earlier = macs.putIfAbsent(ip, mac);
                if (earlier != null && !earlier.equals(mac)) {
                    problems.add("line " + line + ": " + ip + " has MAC " + mac + " here but " + earlier + " on line "
                            + lineOf.get(ip) + "; keep the line of the interface the servers are on (ip neigh show"
                            + " dev IFACE)");
                }
                lineOf.putIfAbsent(ip, line);
            } catch (IllegalArgumentException e) {
                problems.add("line " + line + ": not an ip neigh entry (" + e.getMessage() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(source, problems);
        }
        return macs;
    }
}
