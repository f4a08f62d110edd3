package flowswitch.sim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.PortRole;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.sim.cli.FlowSwitchCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestbedLayoutTest {
    @Test
    void theSwitchConfigMatchesTheHosts() throws Exception {
        TestbedLayout layout = new TestbedLayout(3);
        SwitchConfig cfg = layout.switchConfig();
        assertEquals(4, cfg.hardware().ports());
        assertEquals(PortRole.UPLINK, cfg.ports().get(0).role());
        assertTrue(cfg.ports().subList(1, 4).stream().allMatch(p -> p.role() == PortRole.SERVER));
        ServiceConfig web = cfg.services().get(0);
        assertEquals(TestbedLayout.VIP, web.vip());
        assertEquals(TestbedLayout.HTTP_PORT, web.port());
        List<TestbedHost> servers = layout.serverHosts();
        assertEquals(3, web.servers().size());
        for (int i = 0; i < servers.size(); i++) {
            ServerConfig s = web.servers().get(i);
            assertEquals(servers.get(i).name(), s.name());
            assertEquals(servers.get(i).mac(), s.mac(), "the switch sends a server's frames to its link's MAC");
            assertEquals(servers.get(i).port(), s.port());
            assertEquals(Optional.of(servers.get(i).address()), s.address());
        }
        assertEquals(cfg, SwitchConfig.parse(cfg.toYaml(), "testbed.yaml"), "the written config reads back");
        assertEquals(layout, TestbedLayout.of(cfg));
    }

    @Test
    void everyNameCarriesThePrefixAndIsUnique() {
        TestbedLayout layout = new TestbedLayout(15);
        Set<String> names = new HashSet<>();
        Set<Object> addresses = new HashSet<>();
        for (TestbedHost h : layout.hosts()) {
            assertTrue(h.namespace().startsWith(TestbedLayout.PREFIX) && h.link().startsWith(TestbedLayout.PREFIX), h.toString());
            assertTrue(names.add(h.namespace()) && names.add(h.link()), h.toString());
            assertTrue(addresses.add(h.address()) && addresses.add(h.mac()), h.toString());
            assertTrue(h.link().length() <= 15, "fits IFNAMSIZ: " + h.link());
        }
        assertEquals(16, layout.hosts().size());
    }

    @Test
    void tooFewOrTooManyServersAreRefusedAsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new TestbedLayout(16));
        for (String servers : List.of("0", "16")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = FlowSwitchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "testbed", "up",
                    "--servers", servers);
            assertEquals(2, exit, err.toString());
            assertTrue(err.toString().contains("--servers"), err.toString());
        }
    }
}
