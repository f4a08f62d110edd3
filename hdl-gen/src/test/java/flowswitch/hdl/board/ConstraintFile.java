package flowswitch.hdl.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PCF or XDC file says about ports: which port bit sits on which package pin, which ports each constraint
 * names (XDC {@code get_ports} patterns may use {@code *}), and which ports have a clock.
 */
final class ConstraintFile {
    private static final Pattern GET_PORTS = Pattern.compile("get_ports\\s+(?:\\{([^}]*)\\}|([^\\]\\s]+))");
    private static final Pattern PACKAGE_PIN = Pattern.compile("PACKAGE_PIN\\s+(\\w+)");

    /** Port bit to package pin. */
    final Map<String, String> pins = new LinkedHashMap<>();
    /** Every port name or pattern any constraint names. */
    final List<String> named = new ArrayList<>();
    /** Ports a create_clock is on (XDC). */
    final List<String> clocks = new ArrayList<>();

    static ConstraintFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConstraintFile c = new ConstraintFile();
        for (String raw : lines) {
            String line = raw.replaceAll("#.*", "").trim();
            if (line.isEmpty()) continue;
            if (file.toString().endsWith(".pcf")) c.pcf(line);
            else c.xdc(line);
        }
        return c;
    }

    private void pcf(String line) {
        String[] t = line.split("\\s+");
        if (!t[0].equals("set_io")) throw new AssertionError("unexpected PCF line: " + line);
        String port = t[t.length - 2];
        if (pins.put(port, t[t.length - 1]) != null) throw new AssertionError(port + " is placed twice");
        named.add(port);
    }

    private void xdc(String line) {
        List<String> ports = new ArrayList<>();
        Matcher m = GET_PORTS.matcher(line);
        while (m.find()) {
            String list = m.group(1) != null ? m.group(1) : m.group(2);
            ports.addAll(Arrays.asList(list.trim().split("\\s+")));
        }
        named.addAll(ports);
        Matcher pin = PACKAGE_PIN.matcher(line);
        if (pin.find()) {
            if (ports.size() != 1) throw new AssertionError("a PACKAGE_PIN for other than one port: " + line);
            if (pins.put(ports.get(0), pin.group(1)) != null) throw new AssertionError(ports.get(0) + " is placed twice");
        }
        if (line.startsWith("create_clock")) clocks.addAll(ports);
    }

    /** Whether an XDC pattern (with {@code *}) names {@code bit}. */
    static boolean matches(String pattern, String bit) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) regex.append(ch == '*' ? ".*" : Pattern.quote(String.valueOf(ch)));
        return bit.matches(regex.toString());
    }
}
