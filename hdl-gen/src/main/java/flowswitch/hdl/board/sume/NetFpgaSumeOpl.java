package flowswitch.hdl.board.sume;

import static flowswitch.hdl.dsl.Hw.*;
import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.hdl.board.BoardClocks;
import flowswitch.hdl.board.SwitchPorts;
import flowswitch.hdl.control.ControlPlaneConfig;
import flowswitch.hdl.control.axil.AxiLite;
import flowswitch.hdl.control.uart.UartBridgeConfig;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.top.FlowSwitch;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.ClockDomain;
import spinal.lib.bus.amba4.axilite.AxiLite4;

/**
 * The flow switch as a NetFPGA SUME output-port-lookup core: a drop-in for the reference_switch's
 * {@code output_port_lookup_ip} (same module name, same ports: {@code axis_aclk}, {@code axis_resetn},
 * {@code s_axis_*}/{@code m_axis_*} with 256-bit tdata and 128-bit tuser, {@code S_AXI_*} on its own clock). The
 * reference pipeline has already merged the four SFP+ ports into one stream; this core hands each frame to the switch
 * port it came from, and merges the switch's outputs back with their destination one-hot set. Registers are the
 * switch's map on the low 16 bits of the AXI4-Lite address (give the core a 64 KB window).
 */
public final class NetFpgaSumeOpl extends HwComponent {
    public static final String MODULE = "output_port_lookup_ip";
    private static final int ADDRESS_PINS = 32;

    final Bool axisAclk = named(in(bool()), "axis_aclk");
    final Bool axisResetn = named(in(bool()), "axis_resetn");
    final Bits mAxisTdata = named(out(bits(SumeStream.DATA_WIDTH)), "m_axis_tdata");
    final Bits mAxisTkeep = named(out(bits(SumeStream.DATA_WIDTH / 8)), "m_axis_tkeep");
    final Bits mAxisTuser = named(out(bits(SumeStream.TUSER_WIDTH)), "m_axis_tuser");
    final Bool mAxisTvalid = named(out(bool()), "m_axis_tvalid");
    final Bool mAxisTready = named(in(bool()), "m_axis_tready");
    final Bool mAxisTlast = named(out(bool()), "m_axis_tlast");
    final Bits sAxisTdata = named(in(bits(SumeStream.DATA_WIDTH)), "s_axis_tdata");
    final Bits sAxisTkeep = named(in(bits(SumeStream.DATA_WIDTH / 8)), "s_axis_tkeep");
    final Bits sAxisTuser = named(in(bits(SumeStream.TUSER_WIDTH)), "s_axis_tuser");
    final Bool sAxisTvalid = named(in(bool()), "s_axis_tvalid");
    final Bool sAxisTready = named(out(bool()), "s_axis_tready");
    final Bool sAxisTlast = named(in(bool()), "s_axis_tlast");
    final Bool sAxiAclk = named(in(bool()), "S_AXI_ACLK");
    final Bool sAxiAresetn = named(in(bool()), "S_AXI_ARESETN");
    final Bits sAxiAwaddr = named(in(bits(ADDRESS_PINS)), "S_AXI_AWADDR");
    final Bool sAxiAwvalid = named(in(bool()), "S_AXI_AWVALID");
    final Bits sAxiWdata = named(in(bits(AxiLite.DATA_WIDTH)), "S_AXI_WDATA");
    final Bits sAxiWstrb = named(in(bits(AxiLite.DATA_WIDTH / 8)), "S_AXI_WSTRB");
    final Bool sAxiWvalid = named(in(bool()), "S_AXI_WVALID");
    final Bool sAxiBready = named(in(bool()), "S_AXI_BREADY");
    final Bits sAxiAraddr = named(in(bits(ADDRESS_PINS)), "S_AXI_ARADDR");
    final Bool sAxiArvalid = named(in(bool()), "S_AXI_ARVALID");
    final Bool sAxiRready = named(in(bool()), "S_AXI_RREADY");
    final Bool sAxiArready = named(out(bool()), "S_AXI_ARREADY");
    final Bits sAxiRdata = named(out(bits(AxiLite.DATA_WIDTH)), "S_AXI_RDATA");
    final Bits sAxiRresp = named(out(bits(2)), "S_AXI_RRESP");
    final Bool sAxiRvalid = named(out(bool()), "S_AXI_RVALID");
    final Bool sAxiWready = named(out(bool()), "S_AXI_WREADY");
    final Bits sAxiBresp = named(out(bits(2)), "S_AXI_BRESP");
    final Bool sAxiBvalid = named(out(bool()), "S_AXI_BVALID");
    final Bool sAxiAwready = named(out(bool()), "S_AXI_AWREADY");

    final RegisterBusCrossing registers;
    final SourceSplit split;
    final List<FrameBuffer> buffers = new ArrayList<>();
    final OutputMerge merge;
    final FlowSwitch flowSwitch;

    public NetFpgaSumeOpl(NetFpgaSumeConfig cfg) {
        moduleName(MODULE);
        int ports = cfg.hw().ports();
        ClockDomain registerDomain = BoardClocks.resetFrom(sAxiAclk, not(sAxiAresetn));
        ClockDomain core = BoardClocks.resetFrom(axisAclk, not(axisResetn));

        registers = core.apply(() -> build(new RegisterBusCrossing(registerDomain)));
        attachRegisterPins(registers.sAxil);
        split = core.apply(() -> build(new SourceSplit(ports)));
        assign(split.sData, sAxisTdata);
        assign(split.sKeep, sAxisTkeep);
        assign(split.sUser, sAxisTuser);
        assign(split.sValid, sAxisTvalid);
        assign(split.sLast, sAxisTlast);
        assign(sAxisTready, split.sReady);
        for (int i = 0; i < ports; i++) buffers.add(core.apply(() -> build(new FrameBuffer(cfg.egressBufferBeats()))));
        merge = core.apply(() -> build(new OutputMerge(ports)));
        assign(mAxisTvalid, merge.mBeats.valid());
        assign(mAxisTdata, SumeStream.BEAT.get(merge.mBeats.payload(), "data"));
        assign(mAxisTkeep, SumeStream.BEAT.get(merge.mBeats.payload(), "keep"));
        assign(mAxisTlast, SumeStream.BEAT.getBool(merge.mBeats.payload(), "last"));
        assign(mAxisTuser, SumeStream.BEAT.get(merge.mBeats.payload(), "tuser"));
        assign(merge.mBeats.ready(), mAxisTready);

        UartBridgeConfig unusedUart = new UartBridgeConfig(UartBridgeConfig.clocksPerBit(NetFpgaSumeConfig.CORE_CLOCK_HZ,
                ControlPlaneConfig.DEFAULT_BAUD), UartBridgeConfig.DEFAULT_FRAME_GAP_BYTES);
        flowSwitch = core.apply(() -> {
            FlowSwitch sw = build(new FlowSwitch(cfg.hw(), unusedUart));
            SwitchPorts pins = new SwitchPorts(sw, cfg.hw().dataWidth());
            pins.driveAxiLite(registers.mAxil);
            // The SUME's UART belongs to the reference design's MicroBlaze; the bridge's line stays idle.
            assign(pins.bool("uart_rxd"), true);
            for (int i = 0; i < ports; i++) {
                connect(split.mPorts.get(i), pins.ingress(i));
                connect(pins.egress(i), buffers.get(i).sFrames);
                connect(buffers.get(i).mFrames, merge.sFrames.get(i));
                connect(buffers.get(i).mLength, merge.sLengths.get(i));
            }
            return sw;
        });
    }

    private void attachRegisterPins(AxiLite4 bus) {
        int addressBits = AxiLite.ADDRESS_WIDTH;
        assign(bus.aw().valid(), sAxiAwvalid);
        assign(bus.aw().payload().addr(), asUInt(slice(sAxiAwaddr, 0, addressBits)));
        assign(bus.aw().payload().prot(), 0);
        assign(sAxiAwready, bus.aw().ready());
        assign(bus.w().valid(), sAxiWvalid);
        assign(bus.w().payload().data(), sAxiWdata);
        assign(bus.w().payload().strb(), sAxiWstrb);
        assign(sAxiWready, bus.w().ready());
        assign(sAxiBvalid, bus.b().valid());
        assign(sAxiBresp, bus.b().payload().resp());
        assign(bus.b().ready(), sAxiBready);
        assign(bus.ar().valid(), sAxiArvalid);
        assign(bus.ar().payload().addr(), asUInt(slice(sAxiAraddr, 0, addressBits)));
        assign(bus.ar().payload().prot(), 0);
        assign(sAxiArready, bus.ar().ready());
        assign(sAxiRvalid, bus.r().valid());
        assign(sAxiRdata, bus.r().payload().data());
        assign(sAxiRresp, bus.r().payload().resp());
        assign(bus.r().ready(), sAxiRready);
    }
}
