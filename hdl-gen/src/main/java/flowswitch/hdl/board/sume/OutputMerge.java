package flowswitch.hdl.board.sume;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.stream.AxisBeat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.Stream;

/**
 * Merges the switch's per-port outputs into the SUME pipeline's single stream, whole frames at a time in
 * round-robin order, each frame with its tuser: length, the destination one-hot (nf{i} for switch port i), and the
 * switch's abort flag ({@link SumeStream#ABORTED_POS}). The
 * source byte is zero: the switch does not say which port a forwarded frame came from, and nothing after the OPL in
 * the reference pipeline reads it for frames to the physical ports.
 */
public final class OutputMerge extends HwComponent {
    public final List<Stream<Bits>> sFrames = new ArrayList<>();
    public final List<Stream<Bits>> sLengths = new ArrayList<>();
    public final Stream<Bits> mBeats;

    final Bool locked = regBool(false);
    final UInt selected;
    final UInt next;
    final Bits tuser = regBits(SumeStream.TUSER_WIDTH, 0);

    public OutputMerge(int ports) {
        BitLayout in = AxisBeat.layout(SumeStream.DATA_WIDTH);
        BitLayout out = SumeStream.BEAT;
        for (int i = 0; i < ports; i++) {
            sFrames.add(slave(stream(in::newBits)));
            sLengths.add(slave(stream(SumeStream.FRAME::newBits)));
        }
        mBeats = master(stream(out::newBits));
        selected = regUInt(log2Up(ports), 0);
        next = regUInt(log2Up(ports), 0);

        Bits ready = bits(ports);
        for (int i = 0; i < ports; i++) assign(bit(ready, i), sLengths.get(i).valid());
        Bool start = and(not(locked), orReduce(ready));
        UInt choice = firstSetFrom(ready, next);
        List<Bits> payloads = new ArrayList<>();
        List<Bool> valids = new ArrayList<>();
        List<Bits> lengths = new ArrayList<>();
        for (int i = 0; i < ports; i++) {
            Bool mine = eq(selected, i);
            assign(sLengths.get(i).ready(), and(start, eq(choice, i)));
            assign(sFrames.get(i).ready(), and(locked, mine, mBeats.ready()));
            payloads.add(sFrames.get(i).payload());
            valids.add(sFrames.get(i).valid());
            lengths.add(sLengths.get(i).payload());
        }
        when(start, () -> {
            assign(locked, true);
            assign(selected, choice);
            assign(next, incrementModulo(choice, ports));
            Bits destination = bits(SumeStream.PORT_BITS);
            for (int b = 0; b < SumeStream.PORT_BITS; b++) {
                int port = b / 2;
                assign(bit(destination, b), b % 2 == 0 && port < ports ? eq(choice, port) : FALSE());
            }
            Bits frame = element(vecOf(lengths), choice);
            assign(tuser, resize(cat(asBits(SumeStream.FRAME.getBool(frame, "aborted")), cat(destination,
                    cat(b(0, SumeStream.PORT_BITS), SumeStream.FRAME.get(frame, "length")))), SumeStream.TUSER_WIDTH));
        });

        Bits beat = element(vecOf(payloads), selected);
        assign(mBeats.valid(), and(locked, element(vecOf(valids), selected)));
        out.assignAll(mBeats.payload(), Map.of("data", in.get(beat, "data"), "keep", in.get(beat, "keep"),
                "last", in.getBool(beat, "last"), "tuser", tuser));
        when(and(mBeats.fire(), in.getBool(beat, "last")), () -> assign(locked, false));
    }
}
