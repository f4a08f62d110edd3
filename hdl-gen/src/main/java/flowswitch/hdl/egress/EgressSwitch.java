package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.ingress.FrameStatus;
import flowswitch.hdl.ingress.IngressBeat;
import flowswitch.hdl.stream.AxisBeat;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.Stream;

/**
 * The egress side of the switch: per ingress port a {@link Dispatcher} moves each stored frame, as its decision
 * says, through a {@link Crossbar} whose ports are handed out whole-frame by the {@link Allocator}, to a registered
 * {@link EgressPort} per output.
 *
 * <p>Ports: {@code s_frame_<i>} (frame beats as they arrive, {@link IngressBeat} layout), {@code s_decision_<i>}
 * ({@link EgressSwitchConfig#decisionLayout}, one per frame, same order) and {@code stat_sent_<i>_*} ({@link Sent})
 * per ingress port; {@code cfg_switch_mac}; {@code m_axis_<j>} ({@link AxisBeat}), {@code stat_tx_<j>_inc} and
 * {@code stat_tx_<j>_bytes} per egress port.
 */
public final class EgressSwitch extends HwComponent {
    /** The inputs of one ingress port. */
    public record Ingress(Stream<Bits> frame, Stream<Bits> decision) {}

    /** The outputs of one egress port: the stream and its frame counter inputs. */
    public record Egress(Stream<Bits> axis, Bool txInc, UInt txBytes) {}

    /**
     * What one ingress port's dispatcher reports as a frame with a destination ends: aborted by a late error (and
     * which), or a service frame that left whole, with its server, service and length.
     */
    public record Sent(Bool abort, Bits abortStatus, Bool served, UInt server, UInt service, UInt bytes) {}

    private final EgressSwitchConfig config;
    public final Bits cfgSwitchMac = in(bits(MacRewrite.MAC_BITS));
    private final List<Ingress> ingress = new ArrayList<>();
    private final List<Egress> egress = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();

    final List<Dispatcher> dispatchers = new ArrayList<>();
    final Allocator allocator;
    final Crossbar crossbar;
    final List<EgressPort> outputs = new ArrayList<>();

    public EgressSwitch(EgressSwitchConfig config) {
        this.config = config;
        int n = config.ports();
        int beatWidth = AxisBeat.layout(config.dataWidth()).width();
        int storedWidth = IngressBeat.layout(config.dataWidth()).width();
        int decisionWidth = config.decisionLayout().width();
        for (int i = 0; i < n; i++) {
            Stream<Bits> frame = named(slave(stream(() -> bits(storedWidth))), "s_frame_" + i);
            Stream<Bits> decision = named(slave(stream(() -> bits(decisionWidth))), "s_decision_" + i);
            ingress.add(new Ingress(frame, decision));
            String stat = "stat_sent_" + i + "_";
            sent.add(new Sent(named(out(bool()), stat + "abort"), named(out(bits(FrameStatus.WIDTH)), stat + "abort_status"),
                    named(out(bool()), stat + "served"), named(out(uint(config.scheduler().serverBits())), stat + "server"),
                    named(out(uint(config.scheduler().serviceBits())), stat + "service"),
                    named(out(uint(EgressSwitchConfig.STAT_BYTES_WIDTH)), stat + "bytes")));
        }
        for (int j = 0; j < n; j++) {
            egress.add(new Egress(named(master(stream(() -> bits(beatWidth))), "m_axis_" + j),
                    named(out(bool()), "stat_tx_" + j + "_inc"),
                    named(out(uint(EgressSwitchConfig.STAT_BYTES_WIDTH)), "stat_tx_" + j + "_bytes")));
        }

        for (int i = 0; i < n; i++) dispatchers.add(build(new Dispatcher(config)));
        allocator = build(new Allocator(config));
        crossbar = build(new Crossbar(config));
        for (int j = 0; j < n; j++) outputs.add(build(new EgressPort(config)));

        for (int i = 0; i < n; i++) {
            Dispatcher d = dispatchers.get(i);
            connect(ingress.get(i).frame(), d.sFrame);
            connect(ingress.get(i).decision(), d.sDecision);
            assign(d.cfgSwitchMac, cfgSwitchMac);
            assign(allocator.request.get(i), d.request);
            assign(allocator.dest.get(i), d.dest);
            assign(allocator.holding.get(i), d.holding);
            assign(d.grant, allocator.grant.get(i));
            connect(d.mBeat, crossbar.sBeat.get(i));
            assign(crossbar.dest.get(i), d.dest);
            Sent out = sent.get(i);
            assign(out.abort(), d.statAbort);
            assign(out.abortStatus(), d.statAbortStatus);
            assign(out.served(), d.statServed);
            assign(out.server(), d.statServer);
            assign(out.service(), d.statService);
            assign(out.bytes(), d.statBytes);
        }
        for (int j = 0; j < n; j++) {
            EgressPort p = outputs.get(j);
            connect(crossbar.mBeat.get(j), p.sBeat);
            connect(p.mAxis, egress.get(j).axis());
            assign(egress.get(j).txInc(), p.txInc);
            assign(egress.get(j).txBytes(), p.txBytes);
        }
    }

    public EgressSwitchConfig config() {
        return config;
    }

    public Ingress ingress(int port) {
        return ingress.get(port);
    }

    public Egress egress(int port) {
        return egress.get(port);
    }

    public Sent sent(int ingressPort) {
        return sent.get(ingressPort);
    }
}
