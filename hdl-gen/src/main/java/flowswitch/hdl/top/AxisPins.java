package flowswitch.hdl.top;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.stream.AxisBeat;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.lib.Stream;

/**
 * The top level's AXI4-Stream pins, named as verilog-ethernet and NetFPGA name them ({@code s_axis_0_tdata},
 * {@code m_axis_0_tready}, ...), bridged to the packed beat streams used inside the switch.
 */
final class AxisPins {
    private AxisPins() {}

    /** Input pins {@code <prefix>_t*} driving {@code into}. */
    static void slavePins(String prefix, int dataWidth, Stream<Bits> into) {
        BitLayout beat = AxisBeat.layout(dataWidth);
        Bits tdata = named(in(bits(dataWidth)), prefix + "_tdata");
        Bits tkeep = named(in(bits(dataWidth / 8)), prefix + "_tkeep");
        Bool tvalid = named(in(bool()), prefix + "_tvalid");
        Bool tlast = named(in(bool()), prefix + "_tlast");
        Bool tuser = named(in(bool()), prefix + "_tuser");
        Bool tready = named(out(bool()), prefix + "_tready");
        assign(into.valid(), tvalid);
        beat.assignAll(into.payload(), Map.of("data", tdata, "keep", tkeep, "last", tlast, "user", tuser));
        assign(tready, into.ready());
    }

    /** Output pins {@code <prefix>_t*} fed by {@code from}; {@code tuser} on a last beat marks an aborted frame. */
    static void masterPins(String prefix, int dataWidth, Stream<Bits> from) {
        BitLayout beat = AxisBeat.layout(dataWidth);
        assign(named(out(bits(dataWidth)), prefix + "_tdata"), beat.get(from.payload(), "data"));
        assign(named(out(bits(dataWidth / 8)), prefix + "_tkeep"), beat.get(from.payload(), "keep"));
        assign(named(out(bool()), prefix + "_tvalid"), from.valid());
        assign(named(out(bool()), prefix + "_tlast"), beat.getBool(from.payload(), "last"));
        assign(named(out(bool()), prefix + "_tuser"), beat.getBool(from.payload(), "user"));
        assign(from.ready(), named(in(bool()), prefix + "_tready"));
    }
}
