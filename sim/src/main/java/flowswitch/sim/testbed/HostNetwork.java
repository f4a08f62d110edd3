package flowswitch.sim.testbed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The host's network namespaces and links, as iproute2 ({@code ip}, {@code ss}) and {@code sysctl} see and change them. */
public final class HostNetwork {
    private HostNetwork() {
    }

    /** Network namespaces whose name starts with {@code prefix}. */
    static List<String> namespaces(String prefix) {
        // Lines look like "fs-client (id: 0)" or just "fs-client".
        return ExternalCommand.run("ip", "netns", "list").lines().map(l -> l.split("\\s+")[0])
                .filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    /** Links of this process's namespace whose name starts with {@code prefix}. */
    static List<String> links(String prefix) {
        // Lines look like "fs-p0   DOWN   ..." or "fs-v0@fs-v1   UP   ..." for a pair.
        return ExternalCommand.run("ip", "-br", "link", "show").lines().map(l -> l.split("[\\s@]+")[0])
                .filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    static void addNamespace(String namespace) {
        ExternalCommand.run("ip", "netns", "add", namespace);
    }

    static void deleteNamespace(String namespace) {
        ExternalCommand.run("ip", "netns", "delete", namespace);
    }

    /** Processes running in {@code namespace}. */
    static List<Long> pids(String namespace) {
        return ExternalCommand.run("ip", "netns", "pids", namespace).lines().map(String::trim)
                .filter(l -> !l.isEmpty()).map(Long::parseLong).toList();
    }

    static void deleteLink(String link) {
        ExternalCommand.run("ip", "link", "delete", link);
    }

    static void moveLink(String link, String namespace) {
        ExternalCommand.run("ip", "link", "set", link, "netns", namespace);
    }

    /** {@code ip -n NAMESPACE ARGS...}. */
    static void ip(String namespace, String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", namespace));
        argv.addAll(Arrays.asList(args));
        ExternalCommand.run(argv.toArray(String[]::new));
    }

    /** Sets kernel parameters ({@code key=value}) as seen from inside {@code namespace}. */
    static void sysctl(String namespace, String... settings) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "sysctl", "-q", "-w"));
        argv.addAll(Arrays.asList(settings));
        ExternalCommand.run(argv.toArray(String[]::new));
    }

    /** Whether something in {@code namespace} listens on TCP {@code port}. */
    static boolean listening(String namespace, int port) {
        return !ExternalCommand.run("ip", "netns", "exec", namespace, "ss", "-Hltn", "sport", "=", ":" + port).isBlank();
    }

    /** Runs {@code argv} inside {@code namespace}. */
    public static ExternalCommand.Result exec(String namespace, Duration timeout, String... argv) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(Arrays.asList(argv));
        return ExternalCommand.tryRun(all, timeout);
    }
}
