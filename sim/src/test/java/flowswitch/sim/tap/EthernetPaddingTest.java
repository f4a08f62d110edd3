package flowswitch.sim.tap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EthernetPaddingTest {
    @Test
    void padsAShortFrameWithZerosToSixtyBytes() {
        byte[] arp = new byte[42];
        Arrays.fill(arp, (byte) 0x5A);
        byte[] padded = EthernetPadding.pad(arp);
        assertEquals(60, padded.length);
        assertArrayEquals(arp, Arrays.copyOf(padded, 42));
        for (int i = 42; i < 60; i++) {
            assertEquals(0, padded[i], "byte " + i);
        }
    }

    @Test
    void leavesAFrameOfTheMinimumOrMoreAlone() {
        byte[] minimum = new byte[60];
        byte[] large = new byte[1514];
        assertSame(minimum, EthernetPadding.pad(minimum));
        assertSame(large, EthernetPadding.pad(large));
    }
}
