package flowswitch.sim.testbed;

import flowswitch.sim.tap.BridgeStats;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What of a testbed exists now.
 *
 * @param layout      the layout of the testbed whose files are there, if any
 * @param namespaces  network namespaces with the testbed's prefix
 * @param links       links with the prefix in this namespace (the switch's TAP devices live here until they are
 *                    moved into their hosts' namespaces; afterwards none should remain)
 * @param switchPid   the simulated switch's process, if it runs
 * @param webServers  for each server of the layout, whether its HTTP server runs
 * @param bridge      what the switch's TAP bridge has carried, if it has said
 */
public record TestbedStatus(Optional<TestbedLayout> layout, List<String> namespaces, List<String> links,
                            OptionalLong switchPid, Map<String, Boolean> webServers, Optional<BridgeStats> bridge) {
    /** Everything of the layout runs: the switch, every namespace, every web server. */
    public boolean up() {
        return layout.isPresent() && switchPid.isPresent()
                && namespaces.containsAll(layout.get().hosts().stream().map(TestbedHost::namespace).toList())
                && !webServers.isEmpty() && webServers.values().stream().allMatch(Boolean::booleanValue);
    }

    /** Nothing of a testbed is left: no namespace, no link, no switch. */
    public boolean clean() {
        return namespaces.isEmpty() && links.isEmpty() && switchPid.isEmpty();
    }
}
