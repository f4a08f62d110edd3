package flowswitch.sim.demo;

import flowswitch.sim.testbed.ExternalCommand;
import flowswitch.sim.testbed.HostNetwork;
import flowswitch.sim.testbed.TestbedLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * HTTP requests to the VIP from the testbed's client namespace, one curl run each, so every request opens a new
 * connection and the switch's scheduler places each one.
 */
final class ClientRequests {
    /** curl's own limit; a SYN the switch or a server lost is resent after 1 s, so a few seconds are plenty. */
    private static final int CURL_SECONDS = 10;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(CURL_SECONDS + 5);

    private final TestbedLayout layout;

    ClientRequests(TestbedLayout layout) {
        this.layout = layout;
    }

    /** The command each request runs, as a user would type it. */
    String command() {
        return "ip netns exec " + layout.client().namespace() + " curl -sS " + layout.url();
    }

    /** Sends {@code count} requests one after the other; a request that fails is counted, not thrown. */
    RequestTally send(int count) {
        SortedMap<String, Integer> answers = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ExternalCommand.Result r = HostNetwork.exec(layout.client().namespace(), RUN_TIMEOUT, "curl", "-sS", "-m",
                    Integer.toString(CURL_SECONDS), layout.url());
            if (r.ok()) {
                answers.merge(r.output().strip(), 1, Integer::sum);
            } else {
                failures.add("request " + i + ": " + r.output());
            }
        }
        return new RequestTally(answers, failures);
    }
}
