package flowswitch.sim.demo;

/**
 * Which demo runs, and the one line that tells the user why.
 *
 * @param reason starts with what runs, then why (and, when it is the in-process scenario, how to get the testbed)
 */
public record DemoChoice(DemoMode mode, String reason) {
    /** The user asked for the in-process scenario. */
    public static final DemoChoice IN_PROCESS_ASKED = new DemoChoice(DemoMode.IN_PROCESS,
            "in-process scenario, as asked (--in-process)");

    /** The testbed when the machine can run it, else the in-process scenario with what stands in the way. */
    public static DemoChoice of(HostFacts host) {
        if (!host.root()) {
            return new DemoChoice(DemoMode.IN_PROCESS, "not root: running the in-process scenario;"
                    + " `sudo ./flowswitch demo` runs real Linux hosts, curl and HTTP servers through the switch");
        }
        if (host.testbedMissing().isPresent()) {
            return new DemoChoice(DemoMode.IN_PROCESS, "running the in-process scenario, since the testbed cannot run"
                    + " here: " + host.testbedMissing().get());
        }
        if (!host.curlInstalled()) {
            return new DemoChoice(DemoMode.IN_PROCESS, "running the in-process scenario, since the testbed demo's"
                    + " client needs curl: install it (Debian: apt-get install curl) and run the demo again");
        }
        return new DemoChoice(DemoMode.TESTBED, "root, /dev/net/tun and the tools are here: running real Linux hosts,"
                + " curl and HTTP servers through the simulated switch (--in-process runs the in-process scenario)");
    }
}
