package flowswitch.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which demo runs on which machine, and the line that says why. */
class DemoChoiceTest {
    private static final String NO_TUN = "/dev/net/tun is missing: load the tun module (modprobe tun)";

    @Test
    void aMachineWithEverythingRunsTheTestbed() {
        DemoChoice choice = DemoChoice.of(new HostFacts(true, Optional.empty(), true));
        assertEquals(DemoMode.TESTBED, choice.mode());
        assertTrue(choice.reason().contains("real Linux hosts") && choice.reason().contains("--in-process"),
                choice.reason());
    }

    @Test
    void withoutRootItRunsTheScenarioAndSaysSudoRunsRealHosts() {
        // Not root: HostRequirements reports root as what is missing; the line says how to get the testbed.
        DemoChoice choice = DemoChoice.of(new HostFacts(false, Optional.of("the testbed needs root"), true));
        assertEquals(DemoMode.IN_PROCESS, choice.mode());
        assertTrue(choice.reason().startsWith("not root: running the in-process scenario"), choice.reason());
        assertTrue(choice.reason().contains("`sudo ./flowswitch demo`"), choice.reason());
    }

    @Test
    void asRootWithoutWhatTheTestbedNeedsItSaysWhatIsMissing() {
        DemoChoice choice = DemoChoice.of(new HostFacts(true, Optional.of(NO_TUN), true));
        assertEquals(DemoMode.IN_PROCESS, choice.mode());
        assertTrue(choice.reason().contains("in-process scenario") && choice.reason().endsWith(NO_TUN),
                choice.reason());
    }

    @Test
    void withoutCurlItRunsTheScenarioAndSaysToInstallCurl() {
        DemoChoice choice = DemoChoice.of(new HostFacts(true, Optional.empty(), false));
        assertEquals(DemoMode.IN_PROCESS, choice.mode());
        assertTrue(choice.reason().contains("curl") && choice.reason().contains("apt-get install curl"),
                choice.reason());
    }

    @Test
    void whatTheTestbedLacksComesBeforeCurl() {
        DemoChoice choice = DemoChoice.of(new HostFacts(true, Optional.of(NO_TUN), false));
        assertTrue(choice.reason().endsWith(NO_TUN), choice.reason());
    }
}
