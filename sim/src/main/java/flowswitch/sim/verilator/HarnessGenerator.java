package flowswitch.sim.verilator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the C++ harness for one {@link TopLevel}. The template is fixed; what varies with the top is the
 * Verilator member type of tdata/tkeep (CData..QData, or VlWide above 64 bits) and the per-port pin bindings,
 * because Verilator names ports individually ({@code s_axis_<i>_tdata}) and types them by width.
 */
public final class HarnessGenerator {
    private static final String TEMPLATE = "harness.cpp.template";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");

    private HarnessGenerator() {
    }

    public static String generate(TopLevel top) {
        Map<String, String> values = Map.of(
                "TOP", top.name(),
                "PORTS", Integer.toString(top.ports()),
                "DATA_BITS", Integer.toString(top.dataWidth()),
                "DATA_TYPE", verilatorType(top.dataWidth()),
                "KEEP_TYPE", verilatorType(top.laneBytes()),
                "BIND_PINS", pinBindings(top.ports()),
                "SERIAL_GAP", Long.toString(VerilatedModel.SERIAL_GAP_CYCLES));
        Matcher m = PLACEHOLDER.matcher(template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("harness template uses unknown placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The C++ type Verilator gives a port of this many bits. */
    static String verilatorType(int bits) {
        if (bits <= 8) {
            return "CData";
        }
        if (bits <= 16) {
            return "SData";
        }
        if (bits <= 32) {
            return "IData";
        }
        if (bits <= 64) {
            return "QData";
        }
        return "VlWide<" + (bits + 31) / 32 + ">";
    }

    private static String pinBindings(int ports) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ports; i++) {
            String s = "dut.s_axis_" + i + "_";
            String m = "dut.m_axis_" + i + "_";
            b.append("    in[").append(i).append("] = InPins{&").append(s).append("tdata, &").append(s).append("tkeep, &")
                    .append(s).append("tvalid, &").append(s).append("tlast, &").append(s).append("tuser, &")
                    .append(s).append("tready};\n");
            b.append("    out[").append(i).append("] = OutPins{&").append(m).append("tdata, &").append(m).append("tkeep, &")
                    .append(m).append("tvalid, &").append(m).append("tlast, &").append(m).append("tuser, &")
                    .append(m).append("tready};\n");
        }
        return b.toString().stripTrailing();
    }

    private static String template() {
        try (InputStream in = HarnessGenerator.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TEMPLATE + " is missing next to "
                        + HarnessGenerator.class.getName() + "; rebuild the sim module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the harness template", e);
        }
    }
}
