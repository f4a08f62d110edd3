package flowswitch.hdl.top;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.control.ControlPlane;
import flowswitch.hdl.control.ControlPlaneConfig;
import flowswitch.hdl.control.CounterInput;
import flowswitch.hdl.control.axil.AxiLite;
import flowswitch.hdl.control.regs.RegisterMap;
import flowswitch.hdl.control.uart.UartBridgeConfig;
import flowswitch.hdl.decision.DecisionUnit;
import flowswitch.hdl.decision.ConnectionCounts;
import flowswitch.hdl.decision.ConnectionCountsConfig;
import flowswitch.hdl.decision.DecisionUnitConfig;
import flowswitch.hdl.decision.MaglevLookup;
import flowswitch.hdl.decision.MaglevLookupConfig;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.egress.EgressSwitch;
import flowswitch.hdl.egress.EgressSwitchConfig;
import flowswitch.hdl.control.FlowTableRegisters;
import flowswitch.hdl.control.SchedulerRegisters;
import flowswitch.hdl.flowtable.FlowTable;
import flowswitch.hdl.health.PassiveHealth;
import flowswitch.hdl.health.PassiveHealthConfig;
import flowswitch.hdl.ingress.IngressPort;
import flowswitch.hdl.ingress.IngressPortConfig;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bool;
import spinal.lib.bus.amba4.axilite.AxiLite4;

/**
 * The flow switch: per port an ingress (cut-through, streaming parser), one decision unit (service classifier, flow
 * table, scheduler, learning bridge), the egress switch (MAC rewrite, crossbar), and the control plane (registers
 * over AXI4-Lite and UART, counters). Pins follow verilog-ethernet: {@code clk}, {@code rst}, {@code s_axis_<i>_*},
 * {@code m_axis_<i>_*}, {@code s_axil_*}, {@code uart_*}.
 */
public final class FlowSwitch extends HwComponent {
    final List<IngressPort> ingress = new ArrayList<>();
    final DecisionUnit decision;
    final EgressSwitch egress;
    final FlowTable flows;
    final ConnectionCounts connections;
    final MaglevLookup maglev;
    final PassiveHealth health;
    final Counters counters;
    final ControlPlane control;
    final AxiLite4 sAxil = AxiLite.slavePort();
    final Bool uartRxd = in(bool());
    final Bool uartTxd = out(bool());

    /** With the board's UART timing: {@link ControlPlaneConfig#forHardware}'s 115200 baud on a 125 MHz clock. */
    public FlowSwitch(HardwareParams hw) {
        this(hw, ControlPlaneConfig.forHardware(hw).uartBridge());
    }

    /**
     * With the UART bridge's bit time and frame gap given. Only the bridge's divider changes: the register map, the
     * BUILD word and the AXI4-Lite path are those of {@code hw} whatever the timing.
     */
    public FlowSwitch(HardwareParams hw, UartBridgeConfig uart) {
        moduleName("FlowSwitch");
        clockDomain().get().reset().setName("rst", false);
        int ports = hw.ports();
        for (int i = 0; i < ports; i++) ingress.add(build(new IngressPort(IngressPortConfig.forHardware(hw))));
        DecisionUnitConfig decisionConfig = DecisionUnitConfig.forHardware(hw);
        decision = build(new DecisionUnit(decisionConfig));
        flows = build(new FlowTable(decisionConfig.flowTable()));
        connectFlowTable();
        connections = build(new ConnectionCounts(ConnectionCountsConfig.forFlowTable(hw.maxServers(),
                decisionConfig.flowTable())));
        maglev = build(new MaglevLookup(MaglevLookupConfig.forHardware(hw)));
        connectScheduler();
        egress = build(new EgressSwitch(new EgressSwitchConfig(hw.dataWidth(), ports, decisionConfig.scheduler())));

        for (int i = 0; i < ports; i++) {
            IngressPort in = ingress.get(i);
            AxisPins.slavePins("s_axis_" + i, hw.dataWidth(), in.sAxis);
            connect(in.mFrame, egress.ingress(i).frame());
            connect(in.mMeta, decision.sMeta.get(i));
            connect(decision.mDecision.get(i), egress.ingress(i).decision());
            AxisPins.masterPins("m_axis_" + i, hw.dataWidth(), egress.egress(i).axis());
        }
        health = build(new PassiveHealth(PassiveHealthConfig.forServers(hw.maxServers())));
        assign(health.syn, decision.statServerSyn);
        assign(health.synAck, decision.statServerSynAck);
        counters = new Counters(hw, ingress, decision, flows, egress, health);

        control = build(new ControlPlane(ControlPlaneConfig.forHardware(hw).withUartBridge(uart).withCounters(counters.specs())));
        sAxil.$greater$greater(control.sAxil);
        assign(control.uartRxd, uartRxd);
        assign(uartTxd, control.uartTxd);
        assign(decision.cfgSwitchMac, control.cfgSwitchMac);
        assign(egress.cfgSwitchMac, control.cfgSwitchMac);
        assign(decision.cfgUplinkMask, control.cfgUplinkMask);
        for (int v = 0; v < hw.maxServices(); v++) assign(decision.cfgServices.apply(v), control.cfgService.get(v));
        for (int s = 0; s < hw.maxServers(); s++) assign(decision.cfgServers.apply(s), control.cfgServer.get(s));
        for (int r = 0; r < hw.maxRouters(); r++) assign(decision.cfgRouters.apply(r), control.cfgRouter.get(r));
        assign(flows.flush, control.cmdFlowFlush);
        assign(health.cfgWindow, control.cfgPassiveWindow);
        assign(health.cfgThreshold, control.cfgPassiveThreshold);
        assign(control.statSuspect, health.suspect);
        assign(control.statFlowOccupancy, resize(flows.statOccupancy, 32));
        connectFlowRegisters(control.flowRegisters());
        connectSchedulerRegisters(control.schedulerRegisters());
        assign(control.statMacOccupancy, resize(decision.statMacOccupancy, 32));
        for (Counters.Event e : counters.events()) {
            CounterInput input = control.counterInput(e.group(), e.index(), e.name());
            assign(input.inc(), e.inc());
            input.amount().ifPresent(amount -> assign(amount, resize(e.amount(), amount.getBitsWidth())));
        }
    }

    private void connectFlowTable() {
        assign(flows.lookupIssue, decision.flowLookupIssue);
        assign(flows.lookupKey, decision.flowLookupKey);
        assign(flows.datapathBusy, decision.flowBusy);
        assign(decision.flowIssueBlocked, flows.issueBlocked);
        assign(decision.flowHit, flows.hit);
        assign(decision.flowHitValue, flows.hitValue);
        assign(decision.flowHitKind, flows.hitKind);
        assign(decision.flowCanInsert, flows.canInsert);
        assign(flows.commit, decision.flowCommit);
        assign(flows.commitWrite, decision.flowCommitWrite);
        assign(flows.commitValue, decision.flowCommitValue);
        assign(flows.commitKind, decision.flowCommitKind);
    }

    /** The counts follow the flow table's entries; the Maglev lookup reads with the flow table's lookup. */
    private void connectScheduler() {
        for (int i = 0; i < flows.evStored.size(); i++) {
            assign(connections.stored.get(i), flows.evStored.get(i));
            assign(connections.storedServer.get(i), flows.evStoredServer.get(i));
        }
        for (int i = 0; i < flows.evLeft.size(); i++) {
            assign(connections.left.get(i), flows.evLeft.get(i));
            assign(connections.leftServer.get(i), flows.evLeftServer.get(i));
        }
        assign(decision.cfgConnections, connections.counts);
        assign(maglev.lookupIssue, decision.flowLookupIssue);
        assign(maglev.lookupKey, decision.flowLookupKey);
        assign(decision.maglevServer, maglev.server);
    }

    private void connectSchedulerRegisters(SchedulerRegisters regs) {
        assign(maglev.hostLoad, regs.maglevLoad());
        assign(maglev.hostService, regs.maglevService());
        assign(maglev.hostRow, regs.maglevRow());
        assign(maglev.hostWrite, regs.maglevWrite());
        assign(maglev.hostData, regs.maglevData());
        assign(maglev.hostCommit, regs.maglevCommit());
        for (int s = 0; s < regs.connections().size(); s++) assign(regs.connections().get(s), connections.counts.apply(s));
    }

    private void connectFlowRegisters(FlowTableRegisters regs) {
        assign(flows.hostStart, regs.start());
        assign(flows.hostOp, regs.op());
        assign(flows.hostKey, regs.key());
        assign(flows.hostValue, regs.server());
        assign(flows.hostLocation, regs.location());
        assign(flows.cfgTickCycles, regs.tickCycles());
        for (int k = 0; k < regs.timeouts().size(); k++) assign(flows.cfgTimeout.apply(k), regs.timeouts().get(k));
        assign(regs.busy(), flows.hostBusy);
        assign(regs.found(), flows.hostFound);
        assign(regs.fail(), flows.hostFail);
        assign(regs.flushBusy(), flows.flushBusy);
        assign(regs.resultLocation(), flows.hostResultLocation);
        assign(regs.resultEntry(), flows.hostResultEntry);
        assign(regs.resultIdle(), flows.hostResultIdle);
        assign(regs.stashOccupancy(), flows.statStashOccupancy);
    }

    /** The register map of this build: what regmap.json, flowswitch_regs.h and regmap.md describe. */
    public RegisterMap registerMap() {
        return control.registerMap();
    }
}
