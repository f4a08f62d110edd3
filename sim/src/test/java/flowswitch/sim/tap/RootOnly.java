package flowswitch.sim.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flowswitch.sim.testbed.HostRequirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** For tests that need root and /dev/net/tun: skips them with the reason, and runs the host tools they need. */
final class RootOnly {
    private RootOnly() {
    }

    static void assumeAvailable() {
        Optional<String> missing = HostRequirements.missing();
        missing.ifPresent(reason -> System.out.println("skipped: " + reason));
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
    }

    /** Runs a command that must succeed, such as {@code ip netns add NAME}. */
    static void run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", List.of(argv)) + ": " + output);
    }
}
