package flowswitch.sim.testbed;

import flowswitch.sim.tap.TapDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a testbed needs of the machine: root, TAP devices, and the tools it runs. */
public final class HostRequirements {
    /** iproute2 (ip, ss), procps (sysctl), util-linux (setsid), python3 (the web servers, the readiness probe). */
    static final List<String> TOOLS = List.of("ip", "ss", "sysctl", "setsid", "python3");

    private HostRequirements() {
    }

    /** Why a testbed cannot run here, or empty if it can: for tests, which skip with this reason. */
    public static Optional<String> missing() {
        try {
            check();
            return Optional.empty();
        } catch (TestbedException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** @throws TestbedException saying what is missing and how to get it */
    static void check() {
        requireRoot();
        try {
            TapDevice.checkAvailable();
        } catch (IllegalStateException e) {
            throw new TestbedException(e.getMessage(), e);
        }
        List<String> absent = TOOLS.stream().filter(t -> !ExternalCommand.installed(t)).toList();
        if (!absent.isEmpty()) {
            throw new TestbedException("the testbed needs " + absent + " on the PATH (Debian: apt-get install iproute2"
                    + " procps util-linux python3)");
        }
        requireNamespaces();
    }

    /**
     * Root is not always enough: a container without CAP_SYS_ADMIN cannot make network namespaces. Tries to make
     * (and removes) one, so such a machine skips the testbed instead of failing halfway through {@code up}.
     */
    private static void requireNamespaces() {
        String probe = "fs-probe-" + ProcessHandle.current().pid();
        ExternalCommand.Result made = ExternalCommand.tryRun(List.of("ip", "netns", "add", probe), ExternalCommand.TIMEOUT);
        if (!made.ok()) {
            throw new TestbedException("this machine does not let root create network namespaces (`ip netns add` said: "
                    + made.output() + "); run the testbed on a VM or in a privileged container");
        }
        ExternalCommand.tryRun(List.of("ip", "netns", "delete", probe), ExternalCommand.TIMEOUT);
    }

    /** @throws TestbedException unless this process runs as root */
    static void requireRoot() {
        if (effectiveUid() != 0) {
            throw new TestbedException("the testbed needs root (it creates and deletes network namespaces and TAP"
                    + " devices): run it with sudo");
        }
    }

    /** The effective user id, from /proc/self/status ("Uid: real effective saved filesystem"). */
    public static long effectiveUid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> Long.parseLong(l.split("\\s+")[2])).findFirst()
                    .orElseThrow(() -> new TestbedException("/proc/self/status has no Uid line"));
        } catch (IOException e) {
            throw new TestbedException("cannot read /proc/self/status to see whether this runs as root: "
                    + e.getMessage(), e);
        }
    }
}
