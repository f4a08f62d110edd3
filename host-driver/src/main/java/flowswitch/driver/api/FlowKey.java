package flowswitch.driver.api;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import java.util.Objects;

/**
 * What the flow table knows a connection by: the service it matched, the client's address and port, and the VIP
 * port it was sent to (the VIP itself follows from the service).
 *
 * @param service the service slot
 */
public record FlowKey(int service, Ipv4Address client, int clientPort, int vipPort, Protocol protocol) {
    /** @throws IllegalArgumentException naming the value out of range */
    public FlowKey {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(protocol, "protocol");
        if (service < 0) {
            throw new IllegalArgumentException("service slot " + service + " is negative");
        }
        port("client port", clientPort);
        port("VIP port", vipPort);
    }

    /** {@code tcp 198.51.100.7:40000 -> port 80 of service slot 0}. */
    public String describe() {
        return ServiceEntry.spell(protocol) + " " + client + ":" + clientPort + " -> port " + vipPort
                + " of service slot " + service;
    }

    private static void port(String what, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException(what + " " + port + " is out of range 0..65535");
        }
    }
}
