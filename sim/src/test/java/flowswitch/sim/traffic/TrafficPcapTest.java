package flowswitch.sim.traffic;

import flowswitch.sim.pcap.PcapReader;
import flowswitch.sim.pcap.PcapRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrafficPcapTest {
    @TempDir
    Path dir;

    @Test
    void writesEachPortsFramesInOrderStampedWithTheirIndex() throws IOException {
        List<TrafficFrame> frames = TrafficGenerator.generate(TrafficTestConfig.config(),
                TrafficOptions.defaults().withFlowsPerService(4));
        Map<Integer, Path> files = TrafficPcap.writePerPort(frames, 4, dir.resolve("in"));
        assertEquals(List.of(0, 1, 2, 3), new ArrayList<>(files.keySet()));
        int total = 0;
        for (Map.Entry<Integer, Path> file : files.entrySet()) {
            assertEquals(dir.resolve("in").resolve("port" + file.getKey() + ".pcap"), file.getValue());
            for (PcapRecord record : PcapReader.readAll(file.getValue())) {
                int index = Math.toIntExact(record.timestampNanos() / 1_000);
                TrafficFrame frame = frames.get(index);
                assertEquals(file.getKey(), frame.ingressPort());
                assertArrayEquals(frame.frame(), record.data());
                total++;
            }
        }
        assertEquals(frames.size(), total);
    }

    @Test
    void writesAnEmptyCaptureForAPortWithNoTraffic() throws IOException {
        List<TrafficFrame> frames = List.of(new TrafficFrame(1, new byte[60]));
        Map<Integer, Path> files = TrafficPcap.writePerPort(frames, 3, dir);
        assertEquals(List.of(), PcapReader.readAll(files.get(0)));
        assertEquals(1, PcapReader.readAll(files.get(1)).size());
    }

    @Test
    void refusesAFrameForAPortTheSwitchLacksAndWritesNothing() {
        List<TrafficFrame> frames = List.of(new TrafficFrame(0, new byte[60]), new TrafficFrame(4, new byte[60]));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrafficPcap.writePerPort(frames, 4, dir.resolve("out")));
        assertEquals("frame 1 enters on port 4, but the switch has ports 0..3; generate the traffic for this"
                + " switch's config", error.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void sequenceNumbersSurviveAsTheLastFourBytes() {
        byte[] frame = new byte[64];
        frame[60] = 0x12;
        frame[61] = 0x34;
        frame[62] = 0x56;
        frame[63] = 0x78;
        assertEquals(0x12345678, TrafficFrame.sequenceOf(frame));
        assertEquals(0x12345678, new TrafficFrame(0, frame).sequence());
        assertArrayEquals(frame, Arrays.copyOf(new TrafficFrame(0, frame).frame(), 64));
    }
}
