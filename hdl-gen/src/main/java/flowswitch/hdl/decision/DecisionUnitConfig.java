package flowswitch.hdl.decision;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.flowtable.FlowTableConfig;

/** Sizes of the decision unit, from the hardware parameters. */
public record DecisionUnitConfig(int ports, FlowTableConfig flowTable, MacTableConfig macTable,
                                 SchedulerConfig scheduler, RouterFailoverConfig routers, int decisionFifoDepth) {
    public DecisionUnitConfig {
        if (ports != macTable.ports()) {
            throw new IllegalArgumentException("ports (" + ports + ") and macTable.ports (" + macTable.ports() + ") differ");
        }
        if (decisionFifoDepth < 2) throw new IllegalArgumentException("decisionFifoDepth must be at least 2, got " + decisionFifoDepth);
    }

    public static DecisionUnitConfig defaults() {
        return forHardware(HardwareParams.defaults());
    }

    public static DecisionUnitConfig forHardware(HardwareParams hw) {
        FlowTableConfig flows = FlowTableConfig.forHardware(hw);
        SchedulerConfig sched = new SchedulerConfig(hw.maxServers(), hw.maxServices(), flows.countWidth());
        return new DecisionUnitConfig(hw.ports(),
                flows,
                new MacTableConfig(hw.macTableSize(), hw.ports()), sched, new RouterFailoverConfig(hw.maxRouters()), 4);
    }

    public int portBits() {
        return flowswitch.hdl.dsl.Hw.log2Up(ports);
    }
}
