package flowswitch.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.sim.cli.FlowSwitchCli;
import flowswitch.sim.testbed.Testbed;
import flowswitch.sim.testbed.TestbedLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code flowswitch demo} on a machine that can run the testbed (root only; skipped with the reason otherwise): the
 * whole demo on real hosts, and its refusal to touch a testbed it did not make.
 */
class TestbedDemoTest {
    private static final Testbed TESTBED = Testbed.standard();

    @BeforeAll
    static void needsATestbedMachine() {
        DemoChoice choice = DemoChoice.of(HostFacts.probe());
        if (choice.mode() != DemoMode.TESTBED) System.out.println("TestbedDemoTest skipped: " + choice.reason());
        Assumptions.assumeTrue(choice.mode() == DemoMode.TESTBED, () -> "skipped: " + choice.reason());
        Assumptions.assumeTrue(TESTBED.status().clean(), "skipped: a testbed is up already (another run's?)");
    }

    @Test
    void theDemoSpreadsConnectionsTimesTheFailoverAndTakesItsTestbedDown() {
        Run run = demo();
        assertEquals(0, run.exit, run.out + run.err);
        assertTrue(run.out.contains("real Linux hosts"), "the line that says which demo: " + run.out);
        List<String> checks = run.out.lines().filter(l -> l.strip().startsWith("check:")).toList();
        assertEquals(2, checks.size(), run.out);
        assertTrue(checks.stream().allMatch(l -> l.endsWith(": ok")), String.join("\n", checks));
        Matcher failover = Pattern.compile("failover: (\\d+) ms from the kill to s2 out of service").matcher(run.out);
        assertTrue(failover.find(), run.out);
        // fall 2 at 500 ms: the second failed check is at most 1 s after the kill, plus the checks' own time.
        long ms = Long.parseLong(failover.group(1));
        assertTrue(ms > 0 && ms < 3000, "failover took " + ms + " ms");
        assertTrue(run.out.contains("web/s2 up -> down"), run.out);
        assertTrue(run.out.contains("stats --watch") && run.out.contains("flows list"), run.out);
        assertTrue(TESTBED.status().clean(), "the demo took its testbed down: " + TESTBED.status());
    }

    /** What a user made stays: the demo stops with a message instead of taking it down. */
    @Test
    void leftoversOfATestbedAreLeftAloneAndTheDemoSaysWhatToDo() throws Exception {
        String leftover = TestbedLayout.PREFIX + "demo-test";
        assertEquals(0, ip("netns", "add", leftover));
        try {
            Run run = demo();
            assertEquals(1, run.exit, run.out + run.err);
            assertTrue(run.err.contains(leftover) && run.err.contains("testbed down"), run.err);
            assertTrue(TESTBED.status().namespaces().contains(leftover), "the namespace is still there");
        } finally {
            assertEquals(0, ip("netns", "delete", leftover));
        }
    }

    private static int ip(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        return new ProcessBuilder(argv).inheritIO().start().waitFor();
    }

    private record Run(int exit, String out, String err) {}

    private static Run demo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FlowSwitchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo");
        System.out.print(out);
        System.err.print(err);
        return new Run(exit, out.toString(), err.toString());
    }
}
