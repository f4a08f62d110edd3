package flowswitch.driver.ipvsadm;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rules {@code ipvsadm-save -n} prints: {@code -A -t|-u VIP:PORT -s SCHED [-p T] ...} for a service and
 * {@code -a -t|-u VIP:PORT -r RIP:PORT -g|-i|-m -w W [-x U -y L]} for a real server, short or long options, with
 * blank lines and {@code #} comments. It reads what the rules say, whether or not the switch can do it; the
 * importer decides that. Every malformed line is reported, with its number, before anything is returned.
 */
public final class IpvsadmParser {
    private static final Pattern ADDRESS = Pattern.compile("([0-9.]+)(?::([0-9]{1,5}))?");
    /** Options that take a value, whose effect the switch does not have; left out with a warning. */
    private static final Set<String> UNMATCHED_WITH_VALUE = Set.of("-M", "--netmask", "-b", "--sched-flags",
            "--pe", "-x", "--u-threshold", "-y", "--l-threshold", "--tun-type", "--tun-port");
    private static final Set<String> UNMATCHED_FLAGS = Set.of("-o", "--ops", "--tun-nocsum", "--tun-csum",
            "--tun-remcsum");

    private final List<String> problems = new ArrayList<>();
    private final List<IpvsService> services = new ArrayList<>();
    private final List<IpvsRealServer> servers = new ArrayList<>();

    /**
     * @param source names the text in messages, usually its file name
     * @throws ImportException listing every malformed line
     */
    public static IpvsRules parse(String text, String source) {
        IpvsadmParser parser = new IpvsadmParser();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                parser.rule(i + 1, line.split("\\s+"));
            }
        }
        if (!parser.problems.isEmpty()) {
            throw new ImportException(source, parser.problems);
        }
        return new IpvsRules(parser.services, parser.servers);
    }

    private void rule(int line, String[] tokens) {
        try {
            switch (tokens[0]) {
                case "-A", "--add-service" -> services.add(service(line, new Tokens(tokens)));
                case "-a", "--add-server" -> servers.add(realServer(line, new Tokens(tokens)));
                default -> throw new Malformed("'" + tokens[0] + "' is not a rule ipvsadm-save writes; expected -A"
                        + " (a virtual service) or -a (a real server)");
            }
        } catch (Malformed e) {
            problems.add("line " + line + ": " + e.getMessage());
        }
    }

    private IpvsService service(int line, Tokens tokens) {
        VirtualAddress address = null;
        String scheduler = null;
        List<String> unmatched = new ArrayList<>();
        while (tokens.hasNext()) {
            String option = tokens.next();
            switch (option) {
                case "-t", "--tcp-service", "-u", "--udp-service", "-f", "--fwmark-service", "--sctp-service" ->
                        address = virtualAddress(option, tokens);
                case "-s", "--scheduler" -> scheduler = tokens.value(option);
                case "-p", "--persistent" -> {
                    // The timeout is optional in ipvsadm; ipvsadm-save always writes it.
                    String timeout = tokens.peekMatching("[0-9]+");
                    unmatched.add(option + (timeout == null ? "" : " " + timeout) + " (persistence)");
                }
                default -> unmatched.add(unmatched(option, tokens));
            }
        }
        if (address == null) {
            throw new Malformed("-A names no service; expected -t VIP:PORT or -u VIP:PORT");
        }
        return new IpvsService(line, address.protocol, address.vip, address.port, Optional.ofNullable(scheduler),
                unmatched);
    }

    private IpvsRealServer realServer(int line, Tokens tokens) {
        VirtualAddress service = null;
        Ipv4Address real = null;
        ForwardingMethod method = ForwardingMethod.DIRECT_ROUTING;
        long weight = 1;
        List<String> unmatched = new ArrayList<>();
        while (tokens.hasNext()) {
            String option = tokens.next();
            switch (option) {
                case "-t", "--tcp-service", "-u", "--udp-service", "-f", "--fwmark-service", "--sctp-service" ->
                        service = virtualAddress(option, tokens);
                case "-r", "--real-server" -> real = realAddress(tokens.value(option));
                case "-g", "--gatewaying" -> method = ForwardingMethod.DIRECT_ROUTING;
                case "-m", "--masquerading" -> method = ForwardingMethod.MASQUERADING;
                case "-i", "--ipip" -> method = ForwardingMethod.TUNNELING;
                case "-w", "--weight" -> weight = number(option, tokens.value(option), Integer.MAX_VALUE);
                default -> unmatched.add(unmatched(option, tokens));
            }
        }
        if (service == null) {
            throw new Malformed("-a names no service; expected -t VIP:PORT or -u VIP:PORT");
        }
        if (real == null) {
            throw new Malformed("-a names no real server; expected -r RIP:PORT");
        }
        return new IpvsRealServer(line, service.address(), real, method, weight, unmatched);
    }

    private String unmatched(String option, Tokens tokens) {
        if (UNMATCHED_WITH_VALUE.contains(option)) {
            return option + " " + tokens.value(option);
        }
        if (UNMATCHED_FLAGS.contains(option)) {
            return option;
        }
        throw new Malformed("unknown option '" + option + "'");
    }

    /** A service as a rule names it; a firewall-mark or SCTP service is refused here, it has no VIP and port. */
    private record VirtualAddress(Protocol protocol, Ipv4Address vip, int port) {
        String address() {
            return IpvsService.address(protocol, vip, port);
        }
    }

    private VirtualAddress virtualAddress(String option, Tokens tokens) {
        String value = tokens.value(option);
        switch (option) {
            case "-f", "--fwmark-service" -> throw new Malformed("firewall-mark service " + value + " (" + option
                    + ") cannot be expressed: the switch matches services by VIP, protocol and port");
            case "--sctp-service" -> throw new Malformed("SCTP service " + value + " cannot be expressed: the switch"
                    + " balances tcp and udp");
            default -> {
                Protocol protocol = option.equals("-t") || option.equals("--tcp-service") ? Protocol.TCP
                        : Protocol.UDP;
                Matcher m = address(value);
                if (m.group(2) == null) {
                    throw new Malformed("service '" + value + "' has no port; expected VIP:PORT (port 0 = any)");
                }
                return new VirtualAddress(protocol, ipv4(value, m.group(1)), (int) number("port", m.group(2), 65535));
            }
        }
    }

    /** In direct routing the real server's port is the service's, whatever the rule says: only the IP matters. */
    private Ipv4Address realAddress(String value) {
        return ipv4(value, address(value).group(1));
    }

    private Matcher address(String value) {
        if (value.startsWith("[")) {
            throw new Malformed("'" + value + "' is an IPv6 address; the switch balances IPv4 only");
        }
        Matcher m = ADDRESS.matcher(value);
        if (!m.matches()) {
            throw new Malformed("'" + value + "' is not IP:PORT in numbers; write the file with `ipvsadm-save -n`"
                    + " so addresses and ports are not resolved to names");
        }
        return m;
    }

    private static Ipv4Address ipv4(String value, String ip) {
        try {
            return Ipv4Address.parse(ip);
        } catch (IllegalArgumentException e) {
            throw new Malformed("'" + value + "': " + e.getMessage());
        }
    }

    private static long number(String what, String text, long max) {
        if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) > max) {
            throw new Malformed(what + " '" + text + "' is not a number 0.." + max);
        }
        return Long.parseLong(text);
    }

    /** A rule's words after the command, read left to right. */
    private static final class Tokens {
        private final String[] tokens;
        private int next = 1;

        Tokens(String[] tokens) {
            this.tokens = tokens;
        }

        boolean hasNext() {
            return next < tokens.length;
        }

        String next() {
            return tokens[next++];
        }

        /** The value that {@code option} needs. */
        String value(String option) {
            if (!hasNext() || tokens[next].startsWith("-")) {
                throw new Malformed(option + " needs a value");
            }
            return next();
        }

        /** The next word if it matches {@code regex} (and then consumes it), else null. */
        String peekMatching(String regex) {
            return hasNext() && tokens[next].matches(regex) ? next() : null;
        }
    }

    /** One line's problem; the parser collects them. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }
}
