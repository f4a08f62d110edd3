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
 * Hands each frame of the SUME pipeline's single stream to the switch port it came in on (tuser's source byte):
 * nf{i} to port i. Frames from a host DMA queue, or with no or several source bits, are consumed and dropped: the
 * switch is managed through its registers, not through frames from the host.
 */
public final class SourceSplit extends HwComponent {
    public final Bits sData = in(bits(SumeStream.DATA_WIDTH));
    public final Bits sKeep = in(bits(SumeStream.DATA_WIDTH / 8));
    public final Bits sUser = in(bits(SumeStream.TUSER_WIDTH));
    public final Bool sValid = in(bool());
    public final Bool sLast = in(bool());
    public final Bool sReady = out(bool());
    public final List<Stream<Bits>> mPorts = new ArrayList<>();
    /** High for one cycle when a frame is dropped. */
    public final Bool statDrop = out(bool());

    final Bool inFrame = regBool(false);
    final UInt held;
    final Bool heldDrop = regBool(false);

    public SourceSplit(int ports) {
        BitLayout beat = AxisBeat.layout(SumeStream.DATA_WIDTH);
        for (int i = 0; i < ports; i++) mPorts.add(master(stream(beat::newBits)));
        held = regUInt(log2Up(ports), 0);

        Bits source = slice(sUser, SumeStream.SRC_PORT_POS, SumeStream.PORT_BITS);
        Bits physical = bits(ports);
        for (int i = 0; i < ports; i++) assign(bit(physical, i), bit(source, SumeStream.physicalPortBit(i)));
        Bool known = and(eq(countOnes(source), u(1, countOnes(source).getBitsWidth())), orReduce(physical));
        UInt route = mux(inFrame, held, resize(lowestSetIndex(physical), held.getBitsWidth()));
        Bool drop = mux(inFrame, heldDrop, not(known));

        List<Bool> readies = new ArrayList<>();
        for (int i = 0; i < ports; i++) {
            Stream<Bits> port = mPorts.get(i);
            assign(port.valid(), and(sValid, not(drop), eq(route, i)));
            beat.assignAll(port.payload(), Map.of("data", sData, "keep", sKeep, "last", sLast, "user", FALSE()));
            readies.add(port.ready());
        }
        assign(sReady, or(drop, element(vecOf(readies), route)));
        Bool fire = and(sValid, sReady);
        when(fire, () -> {
            assign(inFrame, not(sLast));
            assign(held, route);
            assign(heldDrop, drop);
        });
        assign(statDrop, and(fire, sLast, drop));
    }
}
