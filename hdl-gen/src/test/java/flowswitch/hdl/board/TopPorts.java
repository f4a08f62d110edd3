package flowswitch.hdl.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ports of a module as SpinalHDL writes its header ({@code input wire [3:0] name,} one per line). */
final class TopPorts {
    private static final Pattern PORT = Pattern.compile("^\\s*(input|output|inout)\\s+(?:wire|reg)\\s+(?:\\[(\\d+):0\\]\\s+)?(\\w+)");

    private TopPorts() {}

    /** Port name to width. */
    static Map<String, Integer> of(Path verilog, String module) {
        List<String> lines;
        try {
            lines = Files.readAllLines(verilog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf("module " + module + " (");
        if (start < 0) throw new AssertionError(verilog + " has no module " + module);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.trim().equals(");")) return ports;
            Matcher m = PORT.matcher(line);
            if (!m.find()) throw new AssertionError("not a port line in " + module + ": " + line);
            ports.put(m.group(3), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)) + 1);
        }
        throw new AssertionError(module + "'s header does not end");
    }

    /** Every bit as constraint files name it: {@code name} for one bit, {@code name[i]} for vectors. */
    static List<String> bits(Map<String, Integer> ports) {
        List<String> bits = new ArrayList<>();
        ports.forEach((name, width) -> {
            if (width == 1) bits.add(name);
            else for (int i = 0; i < width; i++) bits.add(name + "[" + i + "]");
        });
        return bits;
    }
}
