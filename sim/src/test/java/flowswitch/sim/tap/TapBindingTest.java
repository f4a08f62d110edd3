package flowswitch.sim.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TapBindingTest {
    @Test
    void parsesPortAndInterfaceName() {
        assertEquals(new TapBinding(3, "fs-p3"), TapBinding.parse("3=fs-p3"));
        assertEquals("0=tap0", TapBinding.parse("0=tap0").toString());
    }

    @Test
    void refusesWhatIsNotPortEqualsName() {
        for (String bad : List.of("fs-p0", "=fs-p0", "0=", "x=fs-p0", "-1=fs-p0", "1234=fs-p0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TapBinding.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void refusesNamesTheKernelWouldRefuse() {
        for (String bad : List.of("0=a-name-of-16-chr", "0=has/slash", "0=has space", "0=..", "0=tap:0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TapBinding.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--tap '" + bad + "': interface name"), e.getMessage());
        }
        assertEquals("a-name-of-15-ch", TapBinding.parse("0=a-name-of-15-ch").ifname());
    }

    @Test
    void aSetNeedsExistingPortsEachOnceAndEachDeviceOnce() {
        TapBinding.checkAll(List.of(new TapBinding(0, "a"), new TapBinding(3, "b")), 4);
        assertMessage("the switch has ports 0..3", List.of(new TapBinding(4, "a")), 4);
        assertMessage("port 1 already has a TAP device", List.of(new TapBinding(1, "a"), new TapBinding(1, "b")), 4);
        assertMessage("a is already bridged", List.of(new TapBinding(0, "a"), new TapBinding(1, "a")), 4);
        assertMessage("at least one", List.of(), 4);
    }

    private static void assertMessage(String expected, List<TapBinding> bindings, int ports) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TapBinding.checkAll(bindings, ports));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
