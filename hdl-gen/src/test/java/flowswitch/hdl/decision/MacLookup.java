package flowswitch.hdl.decision;

/** What the MAC table answers for one destination; the port is -1 when the address is unknown. */
record MacLookup(boolean known, int port, int occupancy) {
    static MacLookup of(boolean known, int port, int occupancy) {
        return new MacLookup(known, known ? port : -1, occupancy);
    }
}
