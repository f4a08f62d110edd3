package flowswitch.hdl.top;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.decision.DecisionUnit;
import flowswitch.hdl.decision.DecisionUnitConfig;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.egress.EgressSwitch;
import flowswitch.hdl.egress.EgressSwitchConfig;
import flowswitch.hdl.ingress.IngressPort;
import flowswitch.hdl.ingress.IngressPortConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The flow switch: per port an ingress (store-and-forward + parser), one decision unit (service classifier, flow
 * table, scheduler, learning bridge), the egress switch (MAC rewrite, crossbar), and the control plane (registers
 * over AXI4-Lite and UART, counters). Pins follow verilog-ethernet: {@code clk}, {@code rst}, {@code s_axis_<i>_*},
 * {@code m_axis_<i>_*}, {@code s_axil_*}, {@code uart_*}.
 */
public final class FlowSwitch extends HwComponent {
    final List<IngressPort> ingress = new ArrayList<>();
    final DecisionUnit decision;
    final EgressSwitch egress;
    final Counters counters;

    public FlowSwitch(HardwareParams hw) {
        moduleName("FlowSwitch");
        clockDomain().get().reset().setName("rst", false);
        int ports = hw.ports();
        for (int i = 0; i < ports; i++) ingress.add(build(new IngressPort(IngressPortConfig.forHardware(hw))));
        decision = build(new DecisionUnit(DecisionUnitConfig.forHardware(hw)));
        egress = build(new EgressSwitch(new EgressSwitchConfig(hw.dataWidth(), ports)));

        for (int i = 0; i < ports; i++) {
            IngressPort in = ingress.get(i);
            AxisPins.slavePins("s_axis_" + i, hw.dataWidth(), in.sAxis);
            connect(in.mFrame, egress.ingress(i).frame());
            connect(in.mMeta, decision.sMeta.get(i));
            connect(decision.mDecision.get(i), egress.ingress(i).decision());
            AxisPins.masterPins("m_axis_" + i, hw.dataWidth(), egress.egress(i).axis());
        }
        counters = new Counters(hw, ingress, decision, egress);
    }
}
