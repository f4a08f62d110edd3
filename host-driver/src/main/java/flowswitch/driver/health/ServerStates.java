package flowswitch.driver.health;

import flowswitch.config.ServerState;
import flowswitch.driver.api.LoadBalancer;
import flowswitch.driver.api.NamedServer;
import flowswitch.driver.api.ServerRef;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where the monitor reads the servers' states and moves servers in and out of service: the device. */
public interface ServerStates {
    /** The state of every server on the device, by service and name. */
    Map<ServerRef, ServerState> read();

    /**
     * Sets the server's state to {@code to} if it is still {@code from}, in one atomic step: an operator's change
     * made since the last {@link #read} is never overwritten.
     *
     * @return whether the state changed
     */
    boolean move(ServerRef server, ServerState from, ServerState to);

    /** The servers the switch's passive health flagged suspect in its last window. */
    Set<ServerRef> suspects();

    /** The servers of {@code balancer}; each call holds the device's lock. */
    static ServerStates of(LoadBalancer balancer) {
        return new ServerStates() {
            @Override
            public Map<ServerRef, ServerState> read() {
                return balancer.servers().stream().collect(Collectors.toMap(s -> ServerRef.in(s.service(), s.name()),
                        s -> s.entry().state()));
            }

            @Override
            public Set<ServerRef> suspects() {
                Set<Integer> slots = balancer.device().suspectServers();
                return balancer.servers().stream().filter(s -> slots.contains(s.slot()))
                        .map(s -> ServerRef.in(s.service(), s.name())).collect(Collectors.toSet());
            }

            @Override
            public boolean move(ServerRef server, ServerState from, ServerState to) {
                NamedServer after = balancer.updateServer(server, e -> e.state() == from ? e.withState(to) : e);
                return after.entry().state() == to;
            }
        };
    }
}
