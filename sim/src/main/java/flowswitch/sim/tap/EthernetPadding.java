package flowswitch.sim.tap;

import java.util.Arrays;

/**
 * Linux hands a TAP reader frames as short as the packet inside (a 42-byte ARP request); a real MAC pads every
 * frame to the Ethernet minimum before it reaches the wire, so a switch port on a board never receives less. The
 * bridge pads the same way, so the design sees what it would see on a board (datapath.md: bytes after the IP
 * packet are padding and are forwarded as they are; Linux ignores them on receive).
 */
final class EthernetPadding {
    /** The shortest Ethernet frame, 64 bytes, less its 4-byte FCS (the MAC strips the FCS; datapath.md). */
    static final int MIN_FRAME_BYTES = 60;

    private EthernetPadding() {
    }

    /** {@code frame} itself if long enough, else a copy padded with zeros to {@link #MIN_FRAME_BYTES}. */
    static byte[] pad(byte[] frame) {
        return frame.length >= MIN_FRAME_BYTES ? frame : Arrays.copyOf(frame, MIN_FRAME_BYTES);
    }
}
