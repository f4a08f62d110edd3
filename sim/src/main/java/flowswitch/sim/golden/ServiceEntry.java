package flowswitch.sim.golden;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerDownPolicy;
import flowswitch.config.ServiceConfig;

import java.util.Objects;

/** An enabled service slot, as SVC_VIP/SVC_CFG hold it; {@code port} 0 matches any destination port. */
public record ServiceEntry(Ipv4Address vip, Protocol protocol, int port, Scheduler scheduler,
                           ServerDownPolicy onServerDown) {
    public ServiceEntry {
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(onServerDown, "onServerDown");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("service port " + port + " is out of range; use 0 (any) .. 65535");
        }
    }

    /** A service that reassigns the connections of a down server. */
    public ServiceEntry(Ipv4Address vip, Protocol protocol, int port, Scheduler scheduler) {
        this(vip, protocol, port, scheduler, ServerDownPolicy.REASSIGN);
    }

    public static ServiceEntry of(ServiceConfig service) {
        return new ServiceEntry(service.vip(), service.protocol(), service.port(), service.scheduler(),
                service.onServerDown());
    }

    boolean matches(FiveTuple frame) {
        return frame.destination().equals(vip) && frame.protocol() == protocol
                && (port == 0 || frame.destinationPort() == port);
    }
}
