package flowswitch.sim.testbed;

import static flowswitch.sim.testbed.TestbedLayout.PREFIX;

import flowswitch.config.ConfigException;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.files.AtomicFile;
import flowswitch.sim.tap.BridgeStatsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A virtual testbed: real Linux hosts (network namespaces) whose links are the ports of the simulated switch (TAP
 * devices bridged by {@code flowswitch sim run}): a client on the uplink port and servers that share the VIP, each
 * running an HTTP server that answers with its name. Everything it makes carries the prefix {@value
 * TestbedLayout#PREFIX}, so {@link #down()} finds it all, even after a crash.
 */
public final class Testbed {
    /** How long the first request through the switch may take to succeed once everything runs. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    private static final String PROBE = "import sys, urllib.request;"
            + " print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode().strip())";

    private final TestbedFiles files;

    public Testbed(TestbedFiles files) {
        this.files = files;
    }

    /** The testbed whose files are in {@link TestbedFiles#DEFAULT}. */
    public static Testbed standard() {
        return new Testbed(TestbedFiles.DEFAULT);
    }

    public TestbedFiles files() {
        return files;
    }

    /**
     * Brings a testbed up and checks that the client gets an answer from the VIP through the switch. If any step
     * fails, everything made so far is removed again (the logs stay in {@link TestbedFiles#dir()}).
     *
     * @param configOut where to write a copy of the switch config, if anywhere
     * @param progress  told of each step
     * @throws TestbedException if this machine cannot run a testbed, one is already up (or left over), or a step fails
     */
    public void up(TestbedLayout layout, Optional<Path> configOut, Consumer<String> progress) {
        HostRequirements.check();
        refuseIfPresent();
        configOut.ifPresent(Testbed::checkWritable);
        prepareFiles(layout.switchConfig());
        try {
            layout.hosts().forEach(HostSetup::createNamespace);
            progress.accept("starting the simulated switch (log: " + files.simLog() + ")");
            SwitchProcess.start(files, layout);
            SwitchProcess.awaitReady(files, progress);
            progress.accept("connecting " + layout.hosts().size() + " hosts to the switch ports");
            layout.hosts().forEach(HostSetup::attachLink);
            HostSetup.routeVipToSwitch(layout.client());
            for (TestbedHost server : layout.serverHosts()) {
                HostSetup.makeRealServer(server);
                WebServers.start(files, server);
            }
            layout.serverHosts().forEach(s -> WebServers.awaitListening(files, s));
            progress.accept("asking " + layout.url() + " from " + layout.client().namespace() + " through the switch");
            String answer = probe(layout);
            progress.accept("  answered by " + answer);
            configOut.ifPresent(out -> AtomicFile.write(out, layout.switchConfig().toYaml()));
        } catch (RuntimeException e) {
            progress.accept("setting up failed; removing what was made (logs stay in " + files.dir() + ")");
            try {
                removeAll(false);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Removes every namespace and link with the testbed's prefix, the switch, the web servers (and anything else
     * running in the namespaces) and the testbed's files; works after a crash, and when nothing is there.
     *
     * @return what was removed, for the user
     * @throws TestbedException if not root, or a step fails (what is left stays for another down)
     */
    public List<String> down() {
        HostRequirements.requireRoot();
        return removeAll(true);
    }

    public TestbedStatus status() {
        Optional<TestbedLayout> layout = Optional.empty();
        if (Files.exists(files.config())) {
            try {
                layout = Optional.of(TestbedLayout.of(SwitchConfig.load(files.config())));
            } catch (ConfigException e) {
                throw new TestbedException(files.config() + " is not a testbed config (" + e.getMessage() + ");"
                        + " `flowswitch testbed down` removes it", e);
            }
        }
        Map<String, Boolean> web = new LinkedHashMap<>();
        layout.ifPresent(l -> l.serverHosts().forEach(s -> web.put(s.name(), files.http(s).running().isPresent())));
        OptionalLong pid = files.sim().running().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
        return new TestbedStatus(layout, HostNetwork.namespaces(PREFIX), HostNetwork.links(PREFIX), pid, web,
                Files.exists(files.bridgeStats()) ? Optional.of(BridgeStatsFile.read(files.bridgeStats()))
                        : Optional.empty());
    }

    private void refuseIfPresent() {
        List<String> present = new ArrayList<>();
        present.addAll(HostNetwork.namespaces(PREFIX).stream().map(n -> "namespace " + n).toList());
        present.addAll(HostNetwork.links(PREFIX).stream().map(l -> "link " + l).toList());
        files.sim().running().ifPresent(p -> present.add("switch process " + p.pid()));
        if (!present.isEmpty()) {
            throw new TestbedException("a testbed is already up, or left over from a crash (" + String.join(", ", present)
                    + "); run `./flowswitch testbed down` first");
        }
    }

    private static void checkWritable(Path configOut) {
        Path dir = configOut.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalArgumentException("--config-out " + configOut + ": directory " + dir
                    + " does not exist or is not writable; create it or choose another path");
        }
    }

    /** A fresh state directory with the switch config in it (logs of an earlier failed start are replaced). */
    private void prepareFiles(SwitchConfig config) {
        deleteTree(files.dir());
        try {
            Files.createDirectories(files.dir());
        } catch (IOException e) {
            throw new TestbedException("cannot create " + files.dir() + ": " + e.getMessage(), e);
        }
        AtomicFile.write(files.config(), config.toYaml());
    }

    /** The first answer from the VIP, retried while ARP and the servers settle. */
    private String probe(TestbedLayout layout) {
        String url = layout.url();
        String[] last = {""};
        boolean answered = Wait.until(PROBE_TIMEOUT, PROBE_INTERVAL, () -> {
            ExternalCommand.Result r = HostNetwork.exec(layout.client().namespace(), Duration.ofSeconds(10),
                    "python3", "-c", PROBE, url);
            last[0] = r.output();
            return r.ok();
        });
        if (!answered) {
            throw new TestbedException("the client got no answer from " + url + " through the simulated switch within "
                    + PROBE_TIMEOUT.toSeconds() + " s (last error: " + last[0] + "); see " + files.simLog());
        }
        return last[0];
    }

    private List<String> removeAll(boolean withFiles) {
        List<String> removed = new ArrayList<>();
        if (files.sim().stop()) {
            removed.add("the simulated switch");
        }
        for (String ns : HostNetwork.namespaces(PREFIX)) {
            for (long pid : HostNetwork.pids(ns)) {
                ProcessHandle.of(pid).ifPresent(Daemon::terminate);
            }
            HostNetwork.deleteNamespace(ns);
            removed.add("namespace " + ns);
        }
        for (String link : HostNetwork.links(PREFIX)) {
            HostNetwork.deleteLink(link);
            removed.add("link " + link);
        }
        if (withFiles && Files.exists(files.dir())) {
            deleteTree(files.dir());
            removed.add(files.dir().toString());
        }
        return removed;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
