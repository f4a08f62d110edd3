package flowswitch.driver.api;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServiceConfig;
import java.util.Objects;

/**
 * One slot of the device's service table. A disabled slot ({@link #DISABLED}) matches no frame; the other
 * components then mean nothing.
 *
 * @param port the destination port to match, 0 for any
 */
public record ServiceEntry(boolean enabled, Ipv4Address vip, Protocol protocol, int port, Scheduler scheduler) {
    public static final ServiceEntry DISABLED = new ServiceEntry(false, new Ipv4Address(0), Protocol.TCP, 0,
            Scheduler.RR);

    public ServiceEntry {
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /** An enabled entry for {@code service}. */
    public static ServiceEntry of(ServiceConfig service) {
        return new ServiceEntry(true, service.vip(), service.protocol(), service.port(), service.scheduler());
    }
}
