package flowswitch.sim.traffic;

/** A packet and the port it will enter on. */
record Planned(int ingressPort, Packet packet) {
}
