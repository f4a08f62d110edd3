package flowswitch.sim.demo;

import flowswitch.sim.testbed.Testbed;
import flowswitch.sim.testbed.TestbedException;
import flowswitch.sim.testbed.TestbedLayout;
import flowswitch.sim.testbed.TestbedStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * A testbed this process brought up and takes down again however the demo ends: closed in order, after an error,
 * or on Ctrl-C (by a shutdown hook). A testbed that was there before is never touched.
 */
final class OwnedTestbed implements AutoCloseable {
    private final Testbed testbed;
    private final PrintWriter out;
    private final Thread hook = new Thread(this::takeDown, "flowswitch demo: testbed down");
    private boolean owned;

    private OwnedTestbed(Testbed testbed, PrintWriter out) {
        this.testbed = testbed;
        this.out = out;
    }

    /**
     * @throws TestbedException if a testbed (or what a crash left of one) is there already, or bringing one up
     *                          fails (then {@link Testbed#up} has removed what it made)
     */
    static OwnedTestbed bringUp(Testbed testbed, TestbedLayout layout, PrintWriter out) {
        refuseIfPresent(testbed);
        OwnedTestbed owner = new OwnedTestbed(testbed, out);
        synchronized (owner) {
            owner.owned = true;
        }
        Runtime.getRuntime().addShutdownHook(owner.hook);
        try {
            testbed.up(layout, Optional.empty(), out::println);
        } catch (RuntimeException e) {
            synchronized (owner) {
                owner.owned = false;
            }
            owner.removeHook();
            throw e;
        }
        return owner;
    }

    private static void refuseIfPresent(Testbed testbed) {
        TestbedStatus status = testbed.status();
        if (status.clean()) return;
        String socket = testbed.files().socket().toString();
        if (status.up()) {
            TestbedLayout layout = status.layout().orElseThrow();
            throw new TestbedException("a testbed is already up (" + layout.servers() + " servers behind "
                    + layout.url() + "); the demo brings up its own and leaves yours alone: explore yours"
                    + " (./fsctl --device sim:" + socket + " stats --watch), or take it down with"
                    + " `./flowswitch testbed down` and run the demo again");
        }
        throw new TestbedException("parts of a testbed are there (namespaces " + status.namespaces() + ", links "
                + status.links() + ", switch " + (status.switchPid().isPresent() ? "pid " + status.switchPid().getAsLong()
                : "not running") + "); the demo leaves them alone: remove them with `./flowswitch testbed down` and"
                + " run the demo again");
    }

    /** Takes the testbed down (once, whoever asks first) and says what was removed. */
    private synchronized void takeDown() {
        if (!owned) return;
        owned = false;
        out.println("taking the demo's testbed down...");
        List<String> removed = testbed.down();
        out.println("removed " + String.join(", ", removed));
    }

    @Override
    public void close() {
        try {
            takeDown();
        } finally {
            removeHook();
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down (Ctrl-C): the hook itself is taking the testbed down.
        }
    }
}
