package flowswitch.hdl.decision;

/**
 * What a flow table answers for one key, with the undefined parts pinned so answers compare with equals: the hit
 * index and value are -1 on a miss, the free index -1 when the table is full.
 */
record FlowLookup(boolean hit, int hitIndex, long hitValue, boolean freeAvailable, int freeIndex, int occupancy) {
    static FlowLookup of(boolean hit, int hitIndex, long hitValue, boolean freeAvailable, int freeIndex, int occupancy) {
        return new FlowLookup(hit, hit ? hitIndex : -1, hit ? hitValue : -1, freeAvailable, freeAvailable ? freeIndex : -1, occupancy);
    }
}
