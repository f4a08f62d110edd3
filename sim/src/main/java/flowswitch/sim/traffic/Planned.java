package flowswitch.sim.traffic;

/** A packet, the port it will enter on, and whether the MAC marks it bad ({@code tuser} on its last beat). */
record Planned(int ingressPort, Packet packet, boolean rxError) {
    Planned(int ingressPort, Packet packet) {
        this(ingressPort, packet, false);
    }
}
