package flowswitch.driver.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.PortConfig;
import flowswitch.config.PortRole;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServerState;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.regmap.RegisterMap;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test register map, generated from examples/basic.yaml (4 ports, 16 servers, 4 services, 64 flows), and a
 * config that fits it.
 */
public final class Fixtures {
    private static final JsonMapper JSON = new JsonMapper();

    private Fixtures() {
    }

    public static Path regmapFile() {
        try {
            return Path.of(Fixtures.class.getResource("/regmap.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RegisterMap regmap() {
        return RegisterMap.load(regmapFile());
    }

    /** The test map with one field at bits {@code lsb} and up, {@code width} wide, as another build may have it. */
    public static RegisterMap regmapWith(String register, String field, int lsb, int width) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(regmapFile()));
        for (JsonNode r : root.get("registers")) {
            if (r.get("name").asText().equals(register)) {
                for (JsonNode f : r.get("fields")) {
                    if (f.get("name").asText().equals(field)) {
                        ((ObjectNode) f).put("lsb", lsb).put("width", width);
                    }
                }
            }
        }
        return RegisterMap.parse(JSON.writeValueAsString(root), "other-" + register + ".json");
    }

    /** The test map without the registers {@code names}, as an older build's map would be. */
    public static RegisterMap regmapWithout(String... names) throws IOException {
        return RegisterMap.parse(regmapJsonWithout(names), "old.json");
    }

    /** The text of {@link #regmapWithout}. */
    public static String regmapJsonWithout(String... names) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(regmapFile()));
        ArrayNode registers = (ArrayNode) root.get("registers");
        for (int i = registers.size() - 1; i >= 0; i--) {
            if (List.of(names).contains(registers.get(i).get("name").asText())) {
                registers.remove(i);
            }
        }
        return JSON.writeValueAsString(root);
    }

    /**
     * Port 0 uplink, ports 1..3 servers (all on port 1); "web" (tcp/80, wrr, two servers) and "dns" (udp/53, rr,
     * one server); the default clock and flow timeouts.
     */
    public static SwitchConfig config() {
        return new SwitchConfig(regmap().hardware(), MacAddress.parse("02:00:00:00:00:fe"),
                List.of(new PortConfig(0, PortRole.UPLINK), new PortConfig(1, PortRole.SERVER),
                        new PortConfig(2, PortRole.SERVER), new PortConfig(3, PortRole.SERVER)),
                List.of(new ServiceConfig("web", Ipv4Address.parse("192.0.2.10"), Protocol.TCP, 80, Scheduler.WRR,
                                List.of(server("web-1", "02:00:00:00:01:01", 3),
                                        server("web-2", "02:00:00:00:01:02", 1))),
                        new ServiceConfig("dns", Ipv4Address.parse("192.0.2.53"), Protocol.UDP, 53, Scheduler.RR,
                                List.of(server("dns-1", "02:00:00:00:02:01", 1)))));
    }

    public static ServerConfig server(String name, String mac, int weight) {
        return new ServerConfig(name, MacAddress.parse(mac), 1, weight, ServerState.UP);
    }
}
