package flowswitch.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
    @Test
    void macParsesAndPrintsInWireOrder() {
        MacAddress mac = MacAddress.parse("02:00:5E:10:a0:FE");
        assertEquals(0x02005e10a0feL, mac.value());
        assertEquals("02:00:5e:10:a0:fe", mac.toString());
        assertArrayEquals(new byte[] {0x02, 0x00, 0x5e, 0x10, (byte) 0xa0, (byte) 0xfe}, mac.bytes());
        assertEquals(mac, MacAddress.parse(mac.toString()));
    }

    @Test
    void macMulticastIsTheLowBitOfTheFirstOctet() {
        assertFalse(MacAddress.parse("02:00:00:00:00:01").isMulticast());
        assertTrue(MacAddress.parse("01:00:5e:00:00:01").isMulticast());
        assertTrue(MacAddress.parse("ff:ff:ff:ff:ff:ff").isMulticast());
        assertFalse(MacAddress.parse("fe:ff:ff:ff:ff:ff").isMulticast());
    }

    @ParameterizedTest
    @ValueSource(strings = {"02:00:zz", "02:00:00:00:00", "02:00:00:00:00:01:02", "2:0:0:0:0:1", "02-00-00-00-00-01",
        "02:00:00:00:00:0g", ""})
    void macRefusesAnythingButSixHexOctets(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(text));
        assertEquals("'" + text + "' is not a MAC address; expected six hex octets like 02:00:00:00:00:01",
                e.getMessage());
    }

    @Test
    void macValueIsLimitedTo48Bits() {
        assertThrows(IllegalArgumentException.class, () -> new MacAddress(1L << 48));
        assertThrows(IllegalArgumentException.class, () -> new MacAddress(-1));
        assertEquals("ff:ff:ff:ff:ff:ff", new MacAddress((1L << 48) - 1).toString());
    }

    @Test
    void ipv4ParsesAndPrintsInWireOrder() {
        Ipv4Address vip = Ipv4Address.parse("192.31.65.1");
        assertEquals(0xc01f4101, vip.value());
        assertEquals("192.31.65.1", vip.toString());
        assertArrayEquals(new byte[] {(byte) 192, 31, 65, 1}, vip.bytes());
        assertEquals("255.255.255.255", Ipv4Address.parse("255.255.255.255").toString());
        assertEquals("0.0.0.0", new Ipv4Address(0).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.31.65.256", "192.31.65", "192.31.65.1.1", "192.031.65.1", "a.b.c.d", "1000.1.1.1",
        "-1.0.0.0", ""})
    void ipv4RefusesAnythingButFourDecimalOctets(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4Address.parse(text));
        assertTrue(e.getMessage().startsWith("'" + text + "' is not an IPv4 address; expected four decimal numbers"),
                e.getMessage());
    }
}
