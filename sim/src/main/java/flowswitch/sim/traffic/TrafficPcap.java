package flowswitch.sim.traffic;

import flowswitch.sim.pcap.PcapWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes generated traffic as one pcap per ingress port, the input `flowswitch sim replay --in` takes. */
public final class TrafficPcap {
    /** Frame i of the list gets timestamp i µs, so the order across ports can be recovered from the files. */
    private static final long NANOS_PER_FRAME = 1_000;

    private TrafficPcap() {
    }

    /**
     * Writes {@code dir/port<N>.pcap} for every port 0..ports-1, empty for a port no frame enters on.
     *
     * @return the file of each port, by port
     * @throws IllegalArgumentException for a frame on a port the switch does not have (nothing is written then)
     */
    public static Map<Integer, Path> writePerPort(List<TrafficFrame> frames, int ports, Path dir) throws IOException {
        List<List<Integer>> byPort = new ArrayList<>();
        for (int port = 0; port < ports; port++) {
            byPort.add(new ArrayList<>());
        }
        for (int i = 0; i < frames.size(); i++) {
            int port = frames.get(i).ingressPort();
            if (port < 0 || port >= ports) {
                throw new IllegalArgumentException("frame " + i + " enters on port " + port + ", but the switch has"
                        + " ports 0.." + (ports - 1) + "; generate the traffic for this switch's config");
            }
            byPort.get(port).add(i);
        }
        Files.createDirectories(dir);
        Map<Integer, Path> files = new LinkedHashMap<>();
        for (int port = 0; port < ports; port++) {
            Path file = dir.resolve("port" + port + ".pcap");
            try (PcapWriter writer = PcapWriter.create(file)) {
                for (int i : byPort.get(port)) {
                    writer.write(i * NANOS_PER_FRAME, frames.get(i).frame());
                }
            }
            files.put(port, file);
        }
        return files;
    }
}
