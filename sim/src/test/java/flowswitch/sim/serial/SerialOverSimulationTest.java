package flowswitch.sim.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.cli.Fsctl;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.serial.SerialBus;
import flowswitch.driver.transport.serial.SerialSettings;
import flowswitch.driver.transport.serial.SerialStatistics;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.serial.NoisyLine.Damage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serial transport end to end: jssc on a pseudo-terminal, socat, {@link UartLink}, and the generated RTL's UART
 * bridge running in Verilator, reaching the same registers as the AXI4-Lite port.
 */
class SerialOverSimulationTest {
    @TempDir
    static Path dir;
    private static SimulatedSwitch sw;
    private static RegisterMap map;

    private final AtomicReference<RuntimeException> linkFailure = new AtomicReference<>();

    @BeforeAll
    static void startSwitch() throws Exception {
        assumeTrue(PseudoTerminalPair.socatInstalled(), "socat is not installed (apt-get install socat): the serial"
                + " tests need it to make pseudo-terminal pairs");
        sw = SimulatedSwitch.start(SwitchConfig.load(Path.of("../examples/basic.yaml")), dir.resolve("build"));
        map = RegisterMap.load(sw.design().registerMapJson());
    }

    @AfterAll
    static void stopSwitch() {
        if (sw != null) sw.close();
    }

    @AfterEach
    void theLinkNeverFailed() {
        assertNull(linkFailure.get(), () -> "the UART link failed: " + linkFailure.get());
    }

    @Test
    void fsctlIdentifiesTheDeviceOverTheUart() throws Exception {
        try (PseudoTerminalPair pty = PseudoTerminalPair.create(dir.resolve("tty-info"));
             UartLink link = UartLink.start(sw, pty.deviceEnd(), linkFailure::set)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Fsctl.execute(Map.of("FSCTL_LOCK_DIR", dir.toString()), new PrintWriter(out, true),
                    new PrintWriter(err, true), "--device",
                    "serial:" + pty.hostEnd(), "--regmap", sw.design().registerMapJson().toString(), "info", "--json");
            assertEquals(0, exit, err.toString());
            JsonNode info = new ObjectMapper().readTree(out.toString());
            assertEquals("serial:" + pty.hostEnd() + "@115200", info.path("device").asText());
            assertEquals(String.format("0x%08x", map.build()), info.path("build").asText());
            assertEquals("02:00:00:00:00:fe", info.path("switch_mac").asText(), out.toString());
        }
    }

    @Test
    void aWriteOverTheUartReadsBackOverBothPorts() {
        int macLo = map.register("SWITCH_MAC_LO").address();
        int before = sw.bus().read(macLo);
        try (PseudoTerminalPair pty = PseudoTerminalPair.create(dir.resolve("tty-rw"));
             UartLink link = UartLink.start(sw, pty.deviceEnd(), linkFailure::set);
             SerialBus bus = SerialBus.open(pty.hostEnd(), SerialSettings.defaults(3_000_000))) {
            bus.write(macLo, 0xCAFEF00D);
            assertEquals(0xCAFEF00D, bus.read(macLo));
            assertEquals(0xCAFEF00D, sw.bus().read(macLo), "the AXI4-Lite port sees the UART's write");
            sw.bus().write(macLo, before);
            assertEquals(before, bus.read(macLo), "the UART sees the AXI4-Lite port's write");

            String unmapped = assertThrows(DeviceException.class, () -> bus.read(0xFFFC)).getMessage();
            assertTrue(unmapped.startsWith("serial:" + pty.hostEnd() + "@3000000: read 0xfffc: the device's register"
                    + " bus answered with an error"), unmapped);
            assertEquals(new SerialStatistics(4, 0, 0, 0, 0, 0, 0), bus.statistics());
        }
    }

    @Test
    void lineNoiseAndDamagedFramesAreRetriedUntilTheAnswersAreRight() throws Exception {
        int macLo = map.register("SWITCH_MAC_LO").address();
        int before = sw.bus().read(macLo);
        try (NoisyLine line = new NoisyLine(dir.resolve("tty-noisy"));
             UartLink link = UartLink.start(sw, line.deviceEnd(), linkFailure::set);
             SerialBus bus = SerialBus.open(line.hostEnd(),
                     SerialSettings.defaults(115_200).withResponseTimeout(Duration.ofSeconds(1)))) {
            // Request n carries seq n, counting retries; response n is the device's n-th frame.
            line.damageRequest(1, Damage.insert(0x00, 0x13, 0xFF, 0x42));      // noise without a sync byte
            line.damageResponse(2, Damage.insert(0x5A, 0x33, 0x77, 0x5A, 0x10)); // noise with false sync bytes
            line.damageResponse(3, Damage.flip(4, 0x01));                     // a write's response damaged
            line.damageRequest(5, Damage.flip(6, 0x80));                      // a read damaged on the way in
            line.damageRequest(7, Damage.insert(0xA5, 0x01));                 // a sync byte glued to a request
            line.damageRequest(9, Damage.flip(0, 0xFF));                      // a request's sync byte lost

            assertEquals(map.id(), bus.read(map.register("ID").address()));
            assertEquals(map.version(), bus.read(map.register("VERSION").address()));
            assertEquals(map.build(), bus.read(map.register("BUILD").address()));
            // Its response is lost, so the write goes again: the same value twice is one write.
            bus.write(macLo, 0x11223344);
            assertEquals(0x11223344, bus.read(macLo));
            bus.write(macLo, 0x55667788);
            assertEquals(0x55667788, bus.read(macLo));
            assertEquals(0x55667788, sw.bus().read(macLo));

            SerialStatistics seen = bus.statistics();
            assertEquals(7, seen.exchanges(), seen.toString());
            assertEquals(4, seen.retries(), seen.toString());
            assertEquals(1, seen.corruptResponses(), seen.toString());
            assertEquals(2, seen.rejectedRequests(), seen.toString());
            assertEquals(1, seen.timeouts(), seen.toString());
            assertTrue(seen.noiseBytes() >= 5, seen.toString());
        } finally {
            sw.bus().write(macLo, before);
        }
    }
}
