package flowswitch.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        YamlMapping top = root.mapping("hardware", "switch", "ports", "services");
        HardwareParams hardware = top.has("hardware") ? hardware(top.get("hardware")) : HardwareParams.defaults();
        MacAddress switchMac = top.get("switch").mapping("mac").get("mac").parse(MacAddress::parse);
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
        return root.build(() -> new SwitchConfig(hardware, switchMac, ports, services));
    }

    private static HardwareParams hardware(YamlCursor cursor) throws ConfigException {
        HardwareField[] fields = HardwareField.values();
        YamlMapping mapping = cursor.mapping(Arrays.stream(fields).map(HardwareField::key).toArray(String[]::new));
        HardwareParams defaults = HardwareParams.defaults();
        Map<HardwareField, Integer> values = new EnumMap<>(HardwareField.class);
        for (HardwareField field : fields) {
            values.put(field, mapping.has(field.key()) ? mapping.get(field.key()).integer() : field.get(defaults));
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
        YamlMapping mapping = cursor.mapping("name", "vip", "protocol", "port", "scheduler", "servers");
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
        return cursor.build(() -> new ServiceConfig(name, vip, protocol, port, scheduler, servers));
    }

    private static ServerConfig server(YamlCursor cursor) throws ConfigException {
        YamlMapping mapping = cursor.mapping("name", "mac", "port", "weight", "state");
        String name = mapping.get("name").text();
        MacAddress mac = mapping.get("mac").parse(MacAddress::parse);
        int port = mapping.get("port").integer();
        int weight = mapping.has("weight") ? mapping.get("weight").integer() : 1;
        ServerState state = mapping.has("state") ? mapping.get("state").choice(ServerState.class) : ServerState.UP;
        return cursor.build(() -> new ServerConfig(name, mac, port, weight, state));
    }
}
