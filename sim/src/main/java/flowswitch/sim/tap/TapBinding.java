package flowswitch.sim.tap;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One {@code --tap PORT=IFNAME}: the switch port whose wire is the TAP device {@code ifname}. */
public record TapBinding(int port, String ifname) {
    public TapBinding {
        if (port < 0) {
            throw new IllegalArgumentException("--tap port must not be negative, got " + port);
        }
        TapDevice.checkName(ifname);
    }

    /** Parses {@code PORT=IFNAME}; the port is checked against the hardware later, when the port count is known. */
    public static TapBinding parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--tap '" + spec + "' is not PORT=IFNAME, e.g. --tap 0=fs-p0");
        }
        String port = spec.substring(0, eq);
        if (port.length() > 3 || !port.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("--tap '" + spec + "': port '" + port + "' is not a port number");
        }
        try {
            return new TapBinding(Integer.parseInt(port), spec.substring(eq + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tap '" + spec + "': " + e.getMessage(), e);
        }
    }

    /**
     * Checks a set of bindings against a switch of {@code ports} ports: at least one, each port and each device once.
     *
     * @throws IllegalArgumentException naming the binding that is wrong
     */
    public static void checkAll(List<TapBinding> bindings, int ports) {
        if (bindings.isEmpty()) {
            throw new IllegalArgumentException("a TAP bridge needs at least one --tap PORT=IFNAME");
        }
        Set<Integer> seenPorts = new HashSet<>();
        Set<String> seenNames = new HashSet<>();
        for (TapBinding b : bindings) {
            if (b.port() >= ports) {
                throw new IllegalArgumentException("--tap " + b + ": the switch has ports 0.." + (ports - 1));
            }
            if (!seenPorts.add(b.port())) {
                throw new IllegalArgumentException("--tap " + b + ": port " + b.port() + " already has a TAP device;"
                        + " give each port one");
            }
            if (!seenNames.add(b.ifname())) {
                throw new IllegalArgumentException("--tap " + b + ": " + b.ifname() + " is already bridged to"
                        + " another port; give each port its own device");
            }
        }
    }

    @Override
    public String toString() {
        return port + "=" + ifname;
    }
}
