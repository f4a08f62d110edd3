package flowswitch.driver.api;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerDownPolicy;
import flowswitch.config.ServiceConfig;
import java.util.Locale;
import java.util.Objects;

/**
 * One slot of the device's service table. A disabled slot ({@link #DISABLED}) matches no frame; the other
 * components then mean nothing.
 *
 * @param port         the destination port to match, 0 for any
 * @param onServerDown what becomes of the connections of a server that went down
 */
public record ServiceEntry(boolean enabled, Ipv4Address vip, Protocol protocol, int port, Scheduler scheduler,
                           ServerDownPolicy onServerDown) {
    public static final ServiceEntry DISABLED = new ServiceEntry(false, new Ipv4Address(0), Protocol.TCP, 0,
            Scheduler.RR);

    public ServiceEntry {
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(onServerDown, "onServerDown");
    }

    /** An entry that reassigns the connections of a down server. */
    public ServiceEntry(boolean enabled, Ipv4Address vip, Protocol protocol, int port, Scheduler scheduler) {
        this(enabled, vip, protocol, port, scheduler, ServerDownPolicy.REASSIGN);
    }

    /** An enabled entry for {@code service}. */
    public static ServiceEntry of(ServiceConfig service) {
        return new ServiceEntry(true, service.vip(), service.protocol(), service.port(), service.scheduler(),
                service.onServerDown());
    }

    public ServiceEntry withVip(Ipv4Address newVip) {
        return new ServiceEntry(enabled, newVip, protocol, port, scheduler, onServerDown);
    }

    public ServiceEntry withProtocol(Protocol newProtocol) {
        return new ServiceEntry(enabled, vip, newProtocol, port, scheduler, onServerDown);
    }

    public ServiceEntry withPort(int newPort) {
        return new ServiceEntry(enabled, vip, protocol, newPort, scheduler, onServerDown);
    }

    public ServiceEntry withScheduler(Scheduler newScheduler) {
        return new ServiceEntry(enabled, vip, protocol, port, newScheduler, onServerDown);
    }

    public ServiceEntry withOnServerDown(ServerDownPolicy value) {
        return new ServiceEntry(enabled, vip, protocol, port, scheduler, value);
    }

    /** Whether both services listen on the same VIP, protocol and port, so they would claim the same frames. */
    public boolean sameAddress(ServiceEntry other) {
        return vip.equals(other.vip) && protocol == other.protocol && port == other.port;
    }

    /**
     * Whether this service, in a lower slot than {@code later}, takes every frame {@code later} would match: the
     * lowest-numbered matching service wins (docs/datapath.md), so {@code later} would never see a frame.
     */
    public boolean hides(ServiceEntry later) {
        return vip.equals(later.vip) && protocol == later.protocol && (port == 0 || port == later.port);
    }

    /** {@code tcp 192.0.2.10:80}, port 0 shown as {@code any}. */
    public String address() {
        return spell(protocol) + " " + vip + ":" + (port == 0 ? "any" : String.valueOf(port));
    }

    /** {@code tcp 192.0.2.10:80 wrr}, and {@code on_server_down drop} when the service refuses a down server's flows. */
    public String summary() {
        return address() + " " + spell(scheduler)
                + (onServerDown == ServerDownPolicy.REASSIGN ? "" : " on_server_down " + spell(onServerDown));
    }

    static String spell(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
