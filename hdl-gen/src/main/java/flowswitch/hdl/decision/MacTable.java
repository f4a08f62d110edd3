package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.core.Vec;

/**
 * The learning bridge's table, MAC address to port: a combinational lookup of a destination, and one learn per
 * cycle of a source (move if known, else the lowest free entry, else the entry a rotating victim pointer names).
 */
public final class MacTable extends HwComponent {
    final Bits lookupMac = in(bits(48));
    final Bool known = out(bool());
    final UInt knownPort;

    final Bool learnEnable = in(bool());
    final Bits learnMac = in(bits(48));
    final UInt learnPort;
    final UInt occupancy;

    final Bits valid;
    final Vec<Bits> macs;
    final Vec<UInt> ports;
    final UInt victim;

    public MacTable(MacTableConfig cfg) {
        int n = cfg.entries();
        knownPort = out(uint(cfg.portWidth()));
        learnPort = in(uint(cfg.portWidth()));
        occupancy = out(uint(cfg.indexWidth() + 1));
        valid = regBits(n, 0);
        macs = reg(() -> vec(() -> bits(48), n));
        ports = reg(() -> vec(() -> uint(cfg.portWidth()), n));
        victim = regUInt(cfg.indexWidth(), 0);

        Bits dstMatches = matches(lookupMac, n);
        assign(known, orReduce(dstMatches));
        assign(knownPort, element(ports, resize(lowestSetIndex(dstMatches), cfg.indexWidth())));
        assign(occupancy, resize(countOnes(valid), cfg.indexWidth() + 1));

        Bits srcMatches = matches(learnMac, n);
        Bits free = invert(valid);
        UInt matchIndex = resize(lowestSetIndex(srcMatches), cfg.indexWidth());
        UInt freeIndex = resize(lowestSetIndex(free), cfg.indexWidth());
        when(learnEnable, () -> {
            when(orReduce(srcMatches), () -> assign(element(ports, matchIndex), learnPort))
                    .elseWhen(orReduce(free), () -> store(freeIndex))
                    .otherwise(() -> {
                        store(victim);
                        assign(victim, add(victim, 1));
                    });
        });
    }

    private Bits matches(Bits mac, int n) {
        Bits m = bits(n);
        for (int i = 0; i < n; i++) assign(bit(m, i), and(bit(valid, i), eq(macs.apply(i), mac)));
        return m;
    }

    private void store(UInt index) {
        assign(bit(valid, index), true);
        assign(element(macs, index), learnMac);
        assign(element(ports, index), learnPort);
    }
}
