package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.stream.AxisBeat;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.Stream;

/**
 * One egress output: a register stage (full throughput) between the crossbar and {@code m_axis}, and the frame
 * counters' inputs. Each beat enters the stage together with the frame's byte count up to and including it, so
 * {@code tx_bytes} is a register and {@code tx_inc} pulses in the cycle the last beat is handed over, unless that beat's
 * {@code user} marks the frame aborted (docs/datapath.md "Counters": an aborted frame is not sent).
 */
final class EgressPort extends HwComponent {
    final Stream<Bits> sBeat;
    final Stream<Bits> mAxis;
    final Bool txInc = out(bool());
    final UInt txBytes = out(uint(EgressSwitchConfig.STAT_BYTES_WIDTH));

    /** Bytes of the current frame that entered the stage before this beat. */
    final UInt frameBytes = regUInt(EgressSwitchConfig.STAT_BYTES_WIDTH, 0);
    final Stream<Bits> counted;
    final Stream<Bits> staged;

    EgressPort(EgressSwitchConfig config) {
        BitLayout beat = AxisBeat.layout(config.dataWidth());
        int countWidth = EgressSwitchConfig.STAT_BYTES_WIDTH;
        sBeat = slave(stream(beat::newBits));
        mAxis = master(stream(beat::newBits));

        UInt bytesThrough = add(frameBytes, resize(countOnes(beat.get(sBeat.payload(), "keep")), countWidth));
        Bool last = beat.getBool(sBeat.payload(), "last");
        when(sBeat.fire(), () -> assign(frameBytes, mux(last, u(0, countWidth), bytesThrough)));

        counted = sBeat.translateWith(cat(asBits(bytesThrough), sBeat.payload()));
        staged = counted.stage();
        connect(staged.translateWith(slice(staged.payload(), 0, beat.width())), mAxis);
        assign(txInc, and(mAxis.fire(), beat.getBool(mAxis.payload(), "last"), not(beat.getBool(mAxis.payload(), "user"))));
        assign(txBytes, asUInt(slice(staged.payload(), beat.width(), countWidth)));
    }
}
