package flowswitch.sim.traffic;

import java.util.Objects;

/**
 * How much traffic to generate. The same options and config always give the same frames.
 *
 * @param seed            seeds every random choice
 * @param flowsPerService client flows to each service (TCP or UDP as the service is)
 * @param packetsPerFlow  client packets per flow; a TCP flow is SYN, ACK, data…, FIN as far as the count allows
 */
public record TrafficOptions(long seed, int flowsPerService, int packetsPerFlow, TrafficMix mix) {
    public TrafficOptions {
        Objects.requireNonNull(mix, "mix");
        TrafficMix.count("flowsPerService", flowsPerService);
        if (packetsPerFlow < 1) {
            throw new IllegalArgumentException("packetsPerFlow " + packetsPerFlow + " is too small; use 1 or more");
        }
    }

    public static TrafficOptions defaults() {
        return new TrafficOptions(1, 32, 6, TrafficMix.defaults());
    }

    public TrafficOptions withSeed(long value) {
        return new TrafficOptions(value, flowsPerService, packetsPerFlow, mix);
    }

    public TrafficOptions withFlowsPerService(int value) {
        return new TrafficOptions(seed, value, packetsPerFlow, mix);
    }

    public TrafficOptions withPacketsPerFlow(int value) {
        return new TrafficOptions(seed, flowsPerService, value, mix);
    }

    public TrafficOptions withMix(TrafficMix value) {
        return new TrafficOptions(seed, flowsPerService, packetsPerFlow, value);
    }
}
