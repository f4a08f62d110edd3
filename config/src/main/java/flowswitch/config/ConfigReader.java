package flowswitch.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the config file format: the layout of keys and the types of their values. The rules on the values
 * themselves belong to the records; this class only turns their complaints into located errors.
 */
final class ConfigReader {
    private ConfigReader() {
    }

    static SwitchConfig load(Path file) throws ConfigException {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, 0, 0, "", "no such file; check the path");
        } catch (AccessDeniedException e) {
            throw new ConfigException(source, 0, 0, "", "permission denied; make the file readable");
        } catch (MalformedInputException e) {
            throw new ConfigException(source, 0, 0, "", "not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(source, 0, 0, "", "cannot be read (" + e.getMessage() + ")");
        }
        return parse(text, source);
    }

    static SwitchConfig parse(String yaml, String sourceName) throws ConfigException {
        YamlCursor root = new YamlSource(sourceName).compose(yaml).orElseThrow(() -> new ConfigException(sourceName,
                0, 0, "", "the file is empty; it needs at least the keys switch and ports"));
        YamlMapping top = root.mapping("hardware", "switch", "ports", "services", "routers");
        HardwareParams hardware = top.has("hardware") ? hardware(top.get("hardware")) : HardwareParams.defaults();
        YamlMapping switchMapping = top.get("switch").mapping("mac", "clock_hz", "flow_timeouts");
        MacAddress switchMac = switchMapping.get("mac").parse(MacAddress::parse);
        long clockHz = switchMapping.has("clock_hz") ? switchMapping.get("clock_hz").integer()
                : SwitchConfig.DEFAULT_CLOCK_HZ;
        FlowTimeouts flowTimeouts = switchMapping.has("flow_timeouts")
                ? flowTimeouts(switchMapping.get("flow_timeouts")) : FlowTimeouts.DEFAULTS;
        List<PortConfig> ports = new ArrayList<>();
        for (YamlCursor item : top.get("ports").list()) {
            ports.add(port(item));
        }
        List<ServiceConfig> services = new ArrayList<>();
        if (top.has("services")) {
            for (YamlCursor item : top.get("services").list()) {
                services.add(service(item));
            }
        }
        List<RouterConfig> routers = new ArrayList<>();
        if (top.has("routers")) {
            for (YamlCursor item : top.get("routers").list()) {
                routers.add(router(item));
            }
        }
        return root.build(() -> new SwitchConfig(hardware, switchMac, ports, services, clockHz, flowTimeouts,
                routers));
    }

    private static FlowTimeouts flowTimeouts(YamlCursor cursor) throws ConfigException {
        YamlMapping mapping = cursor.mapping("tcp", "tcp_closing", "udp");
        FlowTimeouts defaults = FlowTimeouts.DEFAULTS;
        Duration tcp = mapping.has("tcp") ? mapping.get("tcp").parse(DurationText::parse) : defaults.tcp();
        Duration tcpClosing = mapping.has("tcp_closing") ? mapping.get("tcp_closing").parse(DurationText::parse)
                : defaults.tcpClosing();
        Duration udp = mapping.has("udp") ? mapping.get("udp").parse(DurationText::parse) : defaults.udp();
        return cursor.build(() -> new FlowTimeouts(tcp, tcpClosing, udp));
    }

    private static HardwareParams hardware(YamlCursor cursor) throws ConfigException {
        HardwareField[] fields = HardwareField.values();
        YamlMapping mapping = cursor.mapping(Arrays.stream(fields).map(HardwareField::key).toArray(String[]::new));
        HardwareParams defaults = HardwareParams.defaults();
        Map<HardwareField, Integer> values = new EnumMap<>(HardwareField.class);
        for (HardwareField field : fields) {
            // The Maglev table's default size follows max_servers (read before it), not the defaults' 16 slots.
            int otherwise = field == HardwareField.MAGLEV_TABLE_SIZE
                    ? HardwareParams.defaultMaglevTableSize(values.get(HardwareField.MAX_SERVERS)) : field.get(defaults);
            values.put(field, mapping.has(field.key()) ? mapping.get(field.key()).integer() : otherwise);
        }
        return cursor.build(() -> HardwareParams.of(values::get));
    }

    private static PortConfig port(YamlCursor cursor) throws ConfigException {
        YamlMapping mapping = cursor.mapping("index", "role");
        int index = mapping.get("index").integer();
        PortRole role = mapping.get("role").choice(PortRole.class);
        return cursor.build(() -> new PortConfig(index, role));
    }

    private static ServiceConfig service(YamlCursor cursor) throws ConfigException {
        YamlMapping mapping = cursor.mapping("name", "vip", "protocol", "port", "scheduler", "servers", "health",
                "on_server_down");
        String name = mapping.get("name").text();
        Ipv4Address vip = mapping.get("vip").parse(Ipv4Address::parse);
        Protocol protocol = mapping.get("protocol").choice(Protocol.class);
        int port = mapping.has("port") ? mapping.get("port").integer() : 0;
        Scheduler scheduler = mapping.has("scheduler") ? mapping.get("scheduler").choice(Scheduler.class)
                : Scheduler.WRR;
        List<ServerConfig> servers = new ArrayList<>();
        for (YamlCursor item : mapping.get("servers").list()) {
            servers.add(server(item));
        }
        Optional<HealthCheck> health = mapping.has("health") ? Optional.of(health(mapping.get("health"), port))
                : Optional.empty();
        ServerDownPolicy onServerDown = mapping.has("on_server_down")
                ? mapping.get("on_server_down").choice(ServerDownPolicy.class) : ServerDownPolicy.REASSIGN;
        return cursor.build(() -> new ServiceConfig(name, vip, protocol, port, scheduler, servers, health,
                onServerDown));
    }

    /** @param servicePort the port a tcp or http check uses unless it names its own; 0 when the service has none */
    private static HealthCheck health(YamlCursor cursor, int servicePort) throws ConfigException {
        YamlMapping mapping = cursor.mapping("check", "port", "path", "expect", "interval", "timeout", "rise", "fall");
        CheckKind kind = mapping.get("check").choice(CheckKind.class);
        for (String key : List.of("path", "expect")) {
            if (kind != CheckKind.HTTP && mapping.has(key)) {
                throw mapping.get(key).error("only an http check has " + key + "; remove it or write check: http");
            }
        }
        if (kind == CheckKind.ICMP && mapping.has("port")) {
            throw mapping.get("port").error("an icmp check has no port; remove it or write check: tcp");
        }
        if (kind != CheckKind.ICMP && !mapping.has("port") && servicePort == 0) {
            throw cursor.source().at(cursor.node().getStartMark(), cursor.child("port"), "is missing; the service"
                    + " listens on any port (port 0), so its " + YamlSpelling.of(kind)
                    + " check needs a port of its own");
        }
        int port = mapping.has("port") ? mapping.get("port").integer() : servicePort;
        String path = mapping.has("path") ? mapping.get("path").text() : Probe.Http.DEFAULT_PATH;
        int expect = mapping.has("expect") ? mapping.get("expect").integer() : Probe.Http.DEFAULT_EXPECT;
        Duration interval = mapping.has("interval") ? mapping.get("interval").parse(DurationText::parse)
                : HealthCheck.DEFAULT_INTERVAL;
        Duration timeout = mapping.has("timeout") ? mapping.get("timeout").parse(DurationText::parse) : interval;
        int rise = mapping.has("rise") ? mapping.get("rise").integer() : HealthCheck.DEFAULT_RISE;
        int fall = mapping.has("fall") ? mapping.get("fall").integer() : HealthCheck.DEFAULT_FALL;
        return cursor.build(() -> new HealthCheck(switch (kind) {
            case ICMP -> new Probe.Icmp();
            case TCP -> new Probe.Tcp(port);
            case HTTP -> new Probe.Http(port, path, expect);
        }, interval, timeout, rise, fall));
    }

    private static RouterConfig router(YamlCursor cursor) throws ConfigException {
        YamlMapping mapping = cursor.mapping("name", "mac", "state");
        String name = mapping.get("name").text();
        MacAddress mac = mapping.get("mac").parse(MacAddress::parse);
        RouterState state = mapping.has("state") ? mapping.get("state").choice(RouterState.class) : RouterState.UP;
        return cursor.build(() -> new RouterConfig(name, mac, state));
    }

    private static ServerConfig server(YamlCursor cursor) throws ConfigException {
        YamlMapping mapping = cursor.mapping("name", "mac", "port", "weight", "state", "address");
        String name = mapping.get("name").text();
        MacAddress mac = mapping.get("mac").parse(MacAddress::parse);
        int port = mapping.get("port").integer();
        int weight = mapping.has("weight") ? mapping.get("weight").integer() : 1;
        ServerState state = mapping.has("state") ? mapping.get("state").choice(ServerState.class) : ServerState.UP;
        Optional<Ipv4Address> address = mapping.has("address")
                ? Optional.of(mapping.get("address").parse(Ipv4Address::parse)) : Optional.empty();
        return cursor.build(() -> new ServerConfig(name, mac, port, weight, state, address));
    }
}
