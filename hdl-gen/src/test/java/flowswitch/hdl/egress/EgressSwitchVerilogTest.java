package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.gen.VerilogWriter;
import flowswitch.hdl.ingress.FrameStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated module has the port names the rest of the switch is wired by. */
class EgressSwitchVerilogTest {
    @Test
    void portsAreNamedPerIngressAndEgressPort(@TempDir Path dir) throws Exception {
        VerilogWriter.write(dir, () -> build(new EgressSwitch(EgressSwitchConfig.defaults().withDataWidth(256).withPorts(3))));
        String v = Files.readString(dir.resolve("EgressSwitch.v"));
        int axis = 256 + 32 + 2; // data, keep, last, user
        int beat = axis + FrameStatus.WIDTH; // and, from the ingress, the late error's status
        // dest, rewrite, dst_mac, arp_reply, vip, served, server and service slots of the default scheduler
        int decision = 3 + 1 + 48 + 1 + 32 + 1 + 4 + 2;
        for (int p = 0; p < 3; p++) {
            assertPort(v, "input", 1, "s_frame_" + p + "_valid");
            assertPort(v, "output", 1, "s_frame_" + p + "_ready");
            assertPort(v, "input", beat, "s_frame_" + p + "_payload");
            assertPort(v, "input", decision, "s_decision_" + p + "_payload");
            assertPort(v, "output", 1, "m_axis_" + p + "_valid");
            assertPort(v, "input", 1, "m_axis_" + p + "_ready");
            assertPort(v, "output", axis, "m_axis_" + p + "_payload");
            assertPort(v, "output", 1, "stat_tx_" + p + "_inc");
            assertPort(v, "output", 16, "stat_tx_" + p + "_bytes");
        }
        assertPort(v, "input", 48, "cfg_switch_mac");
        assertTrue(v.contains("module Allocator") && v.contains("module Crossbar") && v.contains("module Dispatcher")
                && v.contains("module ArpReply") && v.contains("module EgressPort"), "one module per part");
    }

    private static void assertPort(String verilog, String direction, int width, String name) {
        String range = width == 1 ? "" : "\\[" + (width - 1) + ":0\\]\\s+";
        assertTrue(verilog.matches("(?s).*\\b" + direction + "\\s+wire\\s+" + range + name + "\\b.*"),
                direction + " " + width + " bits " + name + " missing");
    }
}
