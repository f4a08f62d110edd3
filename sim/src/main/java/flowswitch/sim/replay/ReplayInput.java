package flowswitch.sim.replay;

import java.nio.file.Path;

/** One {@code --in PORT=FILE}: frames of a pcap that enter the switch on a port. */
public record ReplayInput(int port, Path pcap) {

    /** Parses {@code PORT=FILE}; the port is checked against the hardware later, when the port count is known. */
    public static ReplayInput parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--in '" + spec + "' is not PORT=FILE, e.g. --in 0=clients.pcap");
        }
        String port = spec.substring(0, eq);
        if (!port.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("--in '" + spec + "': port '" + port + "' is not a port number");
        }
        return new ReplayInput(Integer.parseInt(port), Path.of(spec.substring(eq + 1)));
    }
}
