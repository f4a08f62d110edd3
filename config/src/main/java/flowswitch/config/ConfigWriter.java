package flowswitch.config;

/**
 * Writes a config in the file format {@link ConfigReader} reads, defaults included, so that a written file
 * pins its hardware even if a default changes later.
 */
final class ConfigWriter {
    private final StringBuilder out = new StringBuilder();

    private ConfigWriter() {
    }

    static String write(SwitchConfig config) {
        ConfigWriter writer = new ConfigWriter();
        writer.config(config);
        return writer.out.toString();
    }

    private void config(SwitchConfig config) {
        line(0, "hardware:");
        for (HardwareField field : HardwareField.values()) {
            line(1, field.key() + ": " + field.get(config.hardware()));
        }
        line(0, "switch:");
        line(1, "mac: " + quoted(config.switchMac()));
        line(1, "clock_hz: " + config.clockHz());
        FlowTimeouts timeouts = config.flowTimeouts();
        line(1, "flow_timeouts:");
        line(2, "tcp: " + DurationText.format(timeouts.tcp()));
        line(2, "tcp_closing: " + DurationText.format(timeouts.tcpClosing()));
        line(2, "udp: " + DurationText.format(timeouts.udp()));
        line(0, "ports:");
        for (PortConfig port : config.ports()) {
            line(1, "- index: " + port.index());
            line(2, "role: " + YamlSpelling.of(port.role()));
        }
        line(0, "services:" + (config.services().isEmpty() ? " []" : ""));
        for (ServiceConfig service : config.services()) {
            line(1, "- name: " + quoted(service.name()));
            line(2, "vip: " + quoted(service.vip()));
            line(2, "protocol: " + YamlSpelling.of(service.protocol()));
            line(2, "port: " + service.port());
            line(2, "scheduler: " + YamlSpelling.of(service.scheduler()));
            line(2, "on_server_down: " + YamlSpelling.of(service.onServerDown()));
            service.health().ifPresent(this::health);
            line(2, "servers:" + (service.servers().isEmpty() ? " []" : ""));
            for (ServerConfig server : service.servers()) {
                line(3, "- name: " + quoted(server.name()));
                line(4, "mac: " + quoted(server.mac()));
                line(4, "port: " + server.port());
                line(4, "weight: " + server.weight());
                line(4, "state: " + YamlSpelling.of(server.state()));
                server.address().ifPresent(address -> line(4, "address: " + quoted(address)));
            }
        }
        line(0, "routers:" + (config.routers().isEmpty() ? " []" : ""));
        for (RouterConfig router : config.routers()) {
            line(1, "- name: " + quoted(router.name()));
            line(2, "mac: " + quoted(router.mac()));
            line(2, "state: " + YamlSpelling.of(router.state()));
        }
    }

    private void health(HealthCheck health) {
        Probe probe = health.probe();
        line(2, "health:");
        line(3, "check: " + YamlSpelling.of(probe.kind()));
        if (probe instanceof Probe.Tcp tcp) {
            line(3, "port: " + tcp.port());
        }
        if (probe instanceof Probe.Http http) {
            line(3, "port: " + http.port());
            line(3, "path: " + quoted(http.path()));
            line(3, "expect: " + http.expect());
        }
        line(3, "interval: " + DurationText.format(health.interval()));
        line(3, "timeout: " + DurationText.format(health.timeout()));
        line(3, "rise: " + health.rise());
        line(3, "fall: " + health.fall());
    }

    /** Two spaces per level; a list item's "- " counts as one level, so its keys line up under the first. */
    private void line(int level, String text) {
        out.append("  ".repeat(level)).append(text).append('\n');
    }

    // Quoted, a name like "-", "yes" or "null" stays a plain string for any YAML reader. The records allow no
    // quote or backslash in names, MACs, addresses or check paths, so nothing needs escaping.
    private static String quoted(Object value) {
        return "\"" + value + "\"";
    }
}
