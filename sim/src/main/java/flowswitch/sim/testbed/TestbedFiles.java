package flowswitch.sim.testbed;

import java.nio.file.Path;

/**
 * Where a testbed keeps what it needs while it is up, all in one directory: the switch config, the control socket
 * (with the register map beside it), the bridge's statistics, pid files and logs, and the servers' web pages.
 */
public record TestbedFiles(Path dir) {
    /** A directory on tmpfs that only root may write: the testbed is root's, and a reboot clears it like the namespaces. */
    public static final TestbedFiles DEFAULT = new TestbedFiles(Path.of("/run/flowswitch-testbed"));

    public TestbedFiles {
        dir = dir.toAbsolutePath();
    }

    public Path config() {
        return dir.resolve("testbed.yaml");
    }

    /** The simulated switch's register bus: {@code ./fsctl --device sim:SOCKET}. */
    public Path socket() {
        return dir.resolve("fs.sock");
    }

    /** What {@code sim run} keeps there (see {@link flowswitch.sim.tap.BridgeStatsFile}). */
    public Path bridgeStats() {
        return dir.resolve("bridge.json");
    }

    public Path simLog() {
        return dir.resolve("sim.log");
    }

    /** Where {@code sim run} generates the design. */
    Path build() {
        return dir.resolve("build");
    }

    /** Where the switch process's classes are copied (see {@link ClasspathSnapshot}). */
    Path classes() {
        return dir.resolve("classes");
    }

    Daemon sim() {
        return new Daemon("the simulated switch", dir.resolve("sim.pid"), socket().toString());
    }

    /** The directory a server's HTTP server serves: an index.html with its name. */
    Path site(TestbedHost server) {
        return dir.resolve("www").resolve(server.name());
    }

    public Path httpLog(TestbedHost server) {
        return dir.resolve("http-" + server.name() + ".log");
    }

    public Daemon http(TestbedHost server) {
        return new Daemon("the HTTP server of " + server.name(), dir.resolve("http-" + server.name() + ".pid"),
                site(server).toString());
    }
}
