package flowswitch.driver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.FakeFlowTable;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.regmap.RegisterMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flows by service and server names: the key comes from the service, names from the names file. */
class NamedFlowsTest {
    private static final Ipv4Address CLIENT = Ipv4Address.parse("198.51.100.7");

    @TempDir
    Path dir;

    private final RegisterMap map = Fixtures.regmap();
    private final FakeFlowSwitch fake = new FakeFlowSwitch(map);
    private final FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
    private NamedFlows flows;

    @BeforeEach
    void applyTheFixture() {
        LoadBalancer lb = new LoadBalancer(device, new NamesFile(dir.resolve("names.json")));
        lb.apply(Fixtures.config());
        flows = lb.flows();
    }

    @Test
    void theKeyTakesTheServicesSlotProtocolAndPort() {
        NamedFlowInsert added = flows.add(new FlowRef("dns", CLIENT, 5353, OptionalInt.empty()), "dns-1");
        FlowKey key = new FlowKey(1, CLIENT, 5353, 53, Protocol.UDP);
        assertEquals(new NamedFlow(new FlowEntry(0, key, 2, FlowKind.UDP, Duration.ZERO), "dns", "dns-1"),
                added.flow());
        assertEquals(Optional.of(added.flow()), flows.find(new FlowRef("slot1", CLIENT, 5353, OptionalInt.of(53))));
        assertEquals(List.of(added.flow()), flows.list(Optional.of("dns"), Optional.of("dns-1")));
        assertEquals(List.of(), flows.list(Optional.of("web"), Optional.empty()));
    }

    @Test
    void namesItCannotResolveAreRefusedBeforeAnyCommand() {
        fake.flows().put(0, FakeFlowTable.entry(new FlowKey(0, CLIENT, 1, 80, Protocol.TCP), 0, 0, 0));
        int commands = fake.flows().commands();
        assertRefused(() -> flows.add(new FlowRef("web", CLIENT, 1, OptionalInt.empty()), "dns-1"),
                "no server 'web/dns-1' on the device");
        assertRefused(() -> flows.delete(new FlowRef("mail", CLIENT, 1, OptionalInt.empty())),
                "no service 'mail' on the device");
        assertRefused(() -> flows.find(new FlowRef("web", CLIENT, 1, OptionalInt.of(8080))),
                "service 'web' listens on port 80 only, so no flow of it has VIP port 8080");
        assertEquals(commands, fake.flows().commands());
    }

    private static void assertRefused(Runnable call, String message) {
        String refusal = assertThrows(IllegalArgumentException.class, call::run).getMessage();
        assertTrue(refusal.startsWith(message), refusal);
    }
}
