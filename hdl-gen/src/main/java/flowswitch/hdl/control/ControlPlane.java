package flowswitch.hdl.control;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.control.StagedTable.Binding;
import flowswitch.hdl.control.StagedTable.StagedRegister;
import flowswitch.hdl.control.axil.AxiLite;
import flowswitch.hdl.control.axil.AxiLiteArbiter;
import flowswitch.hdl.control.regs.HardwareFacts;
import flowswitch.hdl.control.regs.RegisterBuilder;
import flowswitch.hdl.control.regs.RegisterDeclarer;
import flowswitch.hdl.control.regs.RegisterGroup;
import flowswitch.hdl.control.regs.RegisterMap;
import flowswitch.hdl.control.uart.UartBridge;
import flowswitch.hdl.decision.MaglevLookupConfig;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.tables.RouterEntry;
import flowswitch.hdl.tables.ServerEntry;
import flowswitch.hdl.tables.ServiceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import scala.math.BigInt;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.bus.amba4.axilite.AxiLite4;
import spinal.lib.bus.misc.SizeMapping$;
import spinal.lib.bus.regif.BusIf;
import spinal.lib.bus.regif.BusInterface$;
import spinal.lib.bus.regif.ClassName;

/**
 * The control plane: the register map of docs/register-map.md on an AXI4-Lite slave ({@code s_axil_*}) and a UART
 * bridge ({@code uart_rxd}, {@code uart_txd}) that share it through a round-robin arbiter; the switch's
 * configuration as {@code cfg_*} outputs, commands as {@code cmd_*} pulses, and the 64-bit counters fed by
 * {@code stat_*} inputs. The map is declared once, through regif; {@link #registerMap()} publishes it.
 */
public final class ControlPlane extends HwComponent {
    public static final long ID = 0x464C5357L; // "FLSW"
    public static final int VERSION_MAJOR = 1;
    public static final int VERSION_MINOR = 0;
    public static final int VERSION_PATCH = 0;

    private static final int CORE_BASE = 0x0000;
    private static final int CTRL_BASE = 0x0100;
    private static final int SERVICE_TABLE_BASE = 0x0200;
    private static final int SERVER_TABLE_BASE = 0x0300;
    private static final int FLOW_TABLE_BASE = 0x0400;
    private static final int ROUTER_TABLE_BASE = 0x0500;
    private static final int HEALTH_BASE = 0x0600;
    /** Last before the counters: one SERVER<i>_CONNECTIONS word per server slot, up to 256 of them. */
    private static final int SCHEDULER_BASE = 0x0700;
    private static final int COUNTER_BASE = 0x1000;
    private static final int ADDRESS_SPACE = 0x10000;
    /** Counters take two words each from COUNTER_BASE to the end of the address space. */
    public static final int MAX_COUNTERS = (ADDRESS_SPACE - COUNTER_BASE) / 8;

    public final AxiLite4 sAxil = AxiLite.slavePort();
    public final Bool uartRxd = in(bool());
    public final Bool uartTxd = out(bool());
    public final Bits cfgSwitchMac = out(bits(48));
    public final Bits cfgUplinkMask;
    /** {@code cfg_service_<i>}: slot i as a {@link ServiceEntry#LAYOUT}. */
    public final List<Bits> cfgService;
    /** {@code cfg_server_<i>}: slot i as a {@link ServerEntry#LAYOUT}. */
    public final List<Bits> cfgServer;
    /** {@code cfg_router_<i>}: slot i as a {@link RouterEntry#LAYOUT}. */
    public final List<Bits> cfgRouter;
    /** Passive health: clocks per window, unanswered SYNs allowed; the suspect flags, one bit per server slot. */
    public final UInt cfgPassiveWindow = out(uint(32));
    public final UInt cfgPassiveThreshold = out(uint(16));
    public final Bits statSuspect;
    /** High for one cycle: empty the flow table. */
    public final Bool cmdFlowFlush;
    public final UInt statFlowOccupancy;
    public final UInt statMacOccupancy;
    private final List<CounterInput> counterInputs;
    private final FlowTableRegisters flowRegisters;
    private final SchedulerRegisters schedulerRegisters;

    private final AxiLiteArbiter arbiter = build(new AxiLiteArbiter());
    private final UartBridge uart;
    private final AxiLite4 regBus = AxiLite.bus();
    private final RegisterMap registerMap;

    public ControlPlane(ControlPlaneConfig config) {
        HardwareParams hw = config.hw();
        cfgUplinkMask = out(bits(hw.ports()));
        cfgService = outputs(hw.maxServices(), ServiceEntry.LAYOUT.width());
        cfgServer = outputs(hw.maxServers(), ServerEntry.LAYOUT.width());
        cfgRouter = outputs(hw.maxRouters(), RouterEntry.LAYOUT.width());
        cmdFlowFlush = out(bool());
        statSuspect = in(bits(hw.maxServers()));
        statFlowOccupancy = in(uint(32));
        statMacOccupancy = in(uint(32));
        counterInputs = config.counters().stream().map(CounterInput::ports).toList();

        uart = build(new UartBridge(config.uartBridge()));
        assign(uart.uartRxd, uartRxd);
        assign(uartTxd, uart.uartTxd);
        sAxil.$greater$greater(arbiter.s0Axil);
        uart.mAxil.$greater$greater(arbiter.s1Axil);
        arbiter.mAxil.$greater$greater(regBus);

        BusIf busif = BusInterface$.MODULE$.apply(regBus, SizeMapping$.MODULE$.apply(BigInt.apply(0),
                BigInt.apply(ADDRESS_SPACE)), "", ClassName.apply("ControlPlane"));
        busif.setName("regif");
        // Software that reads an address holding no register gets an error, not a plausible zero.
        busif.setReservedAddressErrorState(true);
        RegisterDeclarer regs = new RegisterDeclarer(busif);
        regs.moveTo(CORE_BASE);
        declareCore(regs, hw);
        regs.moveTo(CTRL_BASE);
        Bool statsClear = declareControl(regs);
        regs.moveTo(SERVICE_TABLE_BASE);
        StagedTable.declare(regs, "SVC", RegisterGroup.SERVICE_TABLE, ServiceEntry.LAYOUT, serviceRegisters(), cfgService);
        regs.moveTo(SERVER_TABLE_BASE);
        StagedTable.declare(regs, "SRV", RegisterGroup.SERVER_TABLE, ServerEntry.LAYOUT, serverRegisters(), cfgServer);
        regs.moveTo(FLOW_TABLE_BASE);
        flowRegisters = FlowTableRegisters.declare(regs, config.flowTable());
        regs.moveTo(ROUTER_TABLE_BASE);
        StagedTable.declare(regs, "RTR", RegisterGroup.ROUTER_TABLE, RouterEntry.LAYOUT, routerRegisters(), cfgRouter);
        regs.moveTo(HEALTH_BASE);
        declarePassiveHealth(regs);
        regs.moveTo(SCHEDULER_BASE);
        schedulerRegisters = SchedulerRegisters.declare(regs, MaglevLookupConfig.forHardware(hw),
                config.flowTable().countWidth());
        regs.moveTo(COUNTER_BASE);
        CounterBank.declare(regs, counterInputs, statsClear);
        registerMap = regs.snapshot("flowswitch", hw);
    }

    /** The register map of this instance, for regmap.json, flowswitch_regs.h and regmap.md. */
    public RegisterMap registerMap() {
        return registerMap;
    }

    /** The ports of counter {@code group}/{@code index}/{@code name}, to wire a datapath event to. */
    public CounterInput counterInput(String group, int index, String name) {
        return counterInputs.stream()
                .filter(c -> c.spec().group().equals(group) && c.spec().index() == index && c.spec().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the control plane has no counter " + group
                        + (index >= 0 ? "[" + index + "]" : "") + "." + name + "; its config lists "
                        + counterInputs.size() + " counters"));
    }

    /** The flow table's command, aging and status ports. */
    public FlowTableRegisters flowRegisters() {
        return flowRegisters;
    }

    /** The Maglev tables' loading ports and the connection counts' inputs. */
    public SchedulerRegisters schedulerRegisters() {
        return schedulerRegisters;
    }

    public List<CounterInput> counterInputs() {
        return counterInputs;
    }

    private static List<Bits> outputs(int count, int width) {
        List<Bits> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) ports.add(out(bits(width)));
        return List.copyOf(ports);
    }

    private static void declareCore(RegisterDeclarer regs, HardwareParams hw) {
        regs.register("ID", "Core identifier", RegisterGroup.CORE, -1)
                .constant("value", 0, 32, ID, "0x464C5357 (\"FLSW\")");
        RegisterBuilder version = regs.register("VERSION", "Register map version: major << 16 | minor << 8 | patch",
                RegisterGroup.CORE, -1);
        version.constant("patch", 0, 8, VERSION_PATCH, "patch");
        version.constant("minor", 8, 8, VERSION_MINOR, "minor");
        version.constant("major", 16, 8, VERSION_MAJOR, "major");
        regs.register("BUILD", "Hash of the build parameters (HardwareParams.buildHash)", RegisterGroup.CORE, -1)
                .constant("value", 0, 32, Integer.toUnsignedLong(hw.buildHash()), "CRC32 of " + hw.canonicalText());
        HardwareFacts.of(hw).forEach((key, value) ->
                regs.register("HW_" + key.toUpperCase(Locale.ROOT), "Build parameter " + key, RegisterGroup.CORE, -1)
                        .constant("value", 0, 32, value, key));
    }

    /** Switch MAC, uplink mask, commands and occupancies; returns the STATS_CLEAR pulse. */
    private Bool declareControl(RegisterDeclarer regs) {
        Bits macLo = regs.register("SWITCH_MAC_LO", "Switch MAC, low bytes", RegisterGroup.CTRL, -1)
                .readWrite("value", 0, 32, 0, "MAC bytes 2..5 (byte 5 in bits 7:0)");
        Bits macHi = regs.register("SWITCH_MAC_HI", "Switch MAC, high bytes", RegisterGroup.CTRL, -1)
                .readWrite("value", 0, 16, 0, "MAC bytes 0..1 (byte 1 in bits 7:0)");
        assign(cfgSwitchMac, cat(macHi, macLo));
        int ports = cfgUplinkMask.getBitsWidth();
        assign(cfgUplinkMask, regs.register("UPLINK_MASK", "Uplink ports", RegisterGroup.CTRL, -1)
                .readWrite("value", 0, ports, 0, "bit i: port i is an uplink port"));
        Bool statsClear = regs.register("STATS_CLEAR", "Clear every counter", RegisterGroup.CTRL, -1)
                .pulse("clear", 0, "write 1 to clear every counter");
        assign(cmdFlowFlush, regs.register("FLOW_FLUSH", "Empty the flow table", RegisterGroup.FLOW, -1)
                .pulse("flush", 0, "write 1 to empty the flow table"));
        assign(regs.register("FLOW_OCCUPANCY", "Live entries in the flow table", RegisterGroup.FLOW, -1)
                .readOnly("value", 0, 32, "entries in use"), asBits(statFlowOccupancy));
        assign(regs.register("MAC_OCCUPANCY", "Live entries in the MAC table", RegisterGroup.MAC, -1)
                .readOnly("value", 0, 32, "entries in use"), asBits(statMacOccupancy));
        return statsClear;
    }

    /** docs/datapath.md "Passive health": the window, the threshold and the flags, 32 servers a register. */
    private void declarePassiveHealth(RegisterDeclarer regs) {
        assign(cfgPassiveWindow, asUInt(regs.register("PASSIVE_WINDOW", "Passive health window", RegisterGroup.HEALTH,
                -1).readWrite("value", 0, 32, 0, "clocks per window; 0 stops the windows")));
        assign(cfgPassiveThreshold, asUInt(regs.register("PASSIVE_THRESHOLD", "Passive health threshold",
                RegisterGroup.HEALTH, -1).readWrite("value", 0, 16, 0,
                "unanswered SYNs in a window that a server may have without being flagged")));
        int servers = statSuspect.getBitsWidth();
        for (int word = 0; word * 32 < servers; word++) {
            int width = Math.min(32, servers - word * 32);
            assign(regs.register("PASSIVE_SUSPECT" + (servers > 32 ? "_" + word : ""), "Servers flagged suspect in"
                    + " the last complete window", RegisterGroup.HEALTH, -1).readOnly("value", 0, width,
                    "bit i: server slot " + (word * 32) + "+i"), slice(statSuspect, word * 32, width));
        }
    }

    private static List<StagedRegister> serviceRegisters() {
        return List.of(
                new StagedRegister("VIP", "service VIP", List.of(
                        new Binding("value", 0, 32, "vip", 0, "IPv4 address, first octet in bits 31:24"))),
                new StagedRegister("CFG", "service settings", List.of(
                        new Binding("port", 0, 16, "port", 0, "L4 destination port; 0 matches any"),
                        new Binding("proto", 16, 8, "proto", 0, "IP protocol (6 TCP, 17 UDP)"),
                        new Binding("scheduler", 24, 3, "scheduler", 0, "0 rr, 1 wrr, 2 lc, 3 wlc, 4 mh"),
                        new Binding("on_server_down", 30, 1, "on_server_down", 0,
                                "connections of a down server: 0 reassign, 1 drop"),
                        new Binding("enable", 31, 1, "enable", 0, "1: the slot holds a service"))));
    }

    private static List<StagedRegister> routerRegisters() {
        return List.of(macLow("router"), macHigh("router"),
                new StagedRegister("CFG", "router settings", List.of(
                        new Binding("state", 0, 1, "up", 0, "0 down (its frames fail over), 1 up"),
                        new Binding("valid", 31, 1, "valid", 0, "1: the slot holds a router"))));
    }

    private static List<StagedRegister> serverRegisters() {
        return List.of(macLow("server"), macHigh("server"),
                new StagedRegister("CFG", "server settings", List.of(
                        new Binding("weight", 0, 16, "weight", 0, "wrr/wlc/mh weight; 0 takes no new connections"),
                        new Binding("port", 16, 8, "port", 0, "switch port the server is on"),
                        new Binding("service", 24, 4, "service", 0, "service slot the server belongs to"),
                        new Binding("state", 28, 2, "state", 0, "0 down, 1 up, 2 drain"),
                        new Binding("valid", 31, 1, "valid", 0, "1: the slot holds a server"))));
    }

    /** A table's MAC in two registers laid out like SWITCH_MAC_LO/_HI. */
    private static StagedRegister macLow(String what) {
        return new StagedRegister("MAC_LO", what + " MAC, low bytes", List.of(
                new Binding("value", 0, 32, "mac", 0, "MAC bytes 2..5 (byte 5 in bits 7:0)")));
    }

    private static StagedRegister macHigh(String what) {
        return new StagedRegister("MAC_HI", what + " MAC, high bytes", List.of(
                new Binding("value", 0, 16, "mac", 32, "MAC bytes 0..1 (byte 1 in bits 7:0)")));
    }
}
