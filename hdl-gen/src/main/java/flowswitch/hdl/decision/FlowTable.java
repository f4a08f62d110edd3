package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.core.Vec;

/**
 * Connection table: a fully associative CAM. Lookup is combinational (key in, hit/index/value out, plus the lowest
 * free entry); one write per cycle stores a key and value at an index. Flush empties it.
 */
public final class FlowTable extends HwComponent {
    final Bits lookupKey;
    final Bool hit = out(bool());
    final UInt hitIndex;
    final UInt hitValue;
    final Bool freeAvailable = out(bool());
    final UInt freeIndex;
    final UInt occupancy;

    final Bool writeEnable = in(bool());
    final UInt writeIndex;
    final Bits writeKey;
    final UInt writeValue;
    final Bool flush = in(bool());

    final Bits valid;
    final Vec<Bits> keys;
    final Vec<UInt> values;

    public FlowTable(FlowTableConfig cfg) {
        int n = cfg.entries();
        lookupKey = in(bits(cfg.keyWidth()));
        hitIndex = out(uint(cfg.indexWidth()));
        hitValue = out(uint(cfg.valueWidth()));
        freeIndex = out(uint(cfg.indexWidth()));
        occupancy = out(uint(cfg.indexWidth() + 1));
        writeIndex = in(uint(cfg.indexWidth()));
        writeKey = in(bits(cfg.keyWidth()));
        writeValue = in(uint(cfg.valueWidth()));
        valid = regBits(n, 0);
        keys = reg(() -> vec(() -> bits(cfg.keyWidth()), n));
        values = reg(() -> vec(() -> uint(cfg.valueWidth()), n));

        Bits matches = bits(n);
        for (int i = 0; i < n; i++) assign(bit(matches, i), and(bit(valid, i), eq(keys.apply(i), lookupKey)));
        assign(hit, orReduce(matches));
        assign(hitIndex, resize(lowestSetIndex(matches), cfg.indexWidth()));
        assign(hitValue, element(values, hitIndex));
        Bits free = invert(valid);
        assign(freeAvailable, orReduce(free));
        assign(freeIndex, resize(lowestSetIndex(free), cfg.indexWidth()));
        assign(occupancy, resize(countOnes(valid), cfg.indexWidth() + 1));

        when(flush, () -> assign(valid, 0)).elseWhen(writeEnable, () -> {
            assign(bit(valid, writeIndex), true);
            assign(element(keys, writeIndex), writeKey);
            assign(element(values, writeIndex), writeValue);
        });
    }
}
