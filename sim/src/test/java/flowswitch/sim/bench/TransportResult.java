package flowswitch.sim.bench;

/**
 * What one transport achieved on a fresh simulated switch: an apply, the same apply again, then raw accesses; and
 * how fast the model runs on its own, which bounds a transport whose accesses take many simulated clocks.
 */
record TransportResult(Transport transport, ApplyRun fresh, ApplyRun again, AccessRate rate, long retries,
                       double modelClocksPerSecond) {
    /** Accesses per second if the host and the line took no time at all and only the simulation did. */
    double simulationBound() {
        return modelClocksPerSecond / rate.clocksPerAccess();
    }
}
