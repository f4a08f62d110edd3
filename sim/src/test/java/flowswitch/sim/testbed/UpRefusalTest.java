package flowswitch.sim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.sim.cli.FlowSwitchCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code testbed up} on a machine that cannot run one says why and makes nothing. */
class UpRefusalTest {
    /**
     * Runs {@code flowswitch testbed up} in a mount namespace of its own where /dev/net is an empty tmpfs, as on a
     * machine without the tun module (root only: unshare needs it).
     */
    @Test
    void withoutDevNetTunUpSaysHowToGetItAndMakesNothing() {
        Optional<String> missing = HostRequirements.missing()
                .or(() -> ExternalCommand.installed("unshare") ? Optional.empty() : Optional.of("no unshare"));
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
        List<String> before = HostNetwork.namespaces(TestbedLayout.PREFIX);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String up = String.join(" ", "mount -t tmpfs none /dev/net &&", "exec", java, "-cp",
                "\"$0\"", FlowSwitchCli.class.getName(), "testbed up");
        ExternalCommand.Result r = ExternalCommand.tryRun(List.of("unshare", "--mount", "--propagation", "private",
                "sh", "-c", up, System.getProperty("java.class.path")), Duration.ofMinutes(1));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("/dev/net/tun does not exist: load the tun module"), r.output());
        assertEquals(before, HostNetwork.namespaces(TestbedLayout.PREFIX), "no namespace was made");
    }
}
