package flowswitch.sim.demo;

import flowswitch.sim.testbed.ExternalCommand;
import flowswitch.sim.testbed.HostRequirements;
import java.util.Objects;
import java.util.Optional;

/**
 * What this machine offers the testbed demo.
 *
 * @param root           whether this process runs as root
 * @param testbedMissing why a testbed cannot run here, if it cannot ({@link HostRequirements#missing()})
 * @param curlInstalled  whether curl, the demo's HTTP client, is on the PATH
 */
public record HostFacts(boolean root, Optional<String> testbedMissing, boolean curlInstalled) {
    public HostFacts {
        Objects.requireNonNull(testbedMissing, "testbedMissing");
    }

    /** Looks at this machine; as root that includes making (and removing) a network namespace. */
    public static HostFacts probe() {
        return new HostFacts(HostRequirements.effectiveUid() == 0, HostRequirements.missing(),
                ExternalCommand.installed("curl"));
    }
}
