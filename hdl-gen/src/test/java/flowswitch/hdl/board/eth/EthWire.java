package flowswitch.hdl.board.eth;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/** A frame as an Ethernet PHY carries it (IEEE 802.3 clause 3/4), written independently of the RTL under test. */
final class EthWire {
    static final int MIN_PAYLOAD = 60;
    static final int PREAMBLE_BYTES = 7;
    static final int SFD = 0xD5;
    static final int IFG_BYTES = 12;

    private EthWire() {}

    /** Frame padded to 60 bytes with zeros, then its FCS (CRC-32, least significant byte first). */
    static byte[] withFcs(byte[] frame) {
        byte[] padded = Arrays.copyOf(frame, Math.max(frame.length, MIN_PAYLOAD));
        CRC32 crc = new CRC32();
        crc.update(padded);
        long fcs = crc.getValue();
        byte[] out = Arrays.copyOf(padded, padded.length + 4);
        for (int i = 0; i < 4; i++) out[padded.length + i] = (byte) (fcs >>> (8 * i));
        return out;
    }

    /** Preamble, SFD, frame and FCS. */
    static byte[] encode(byte[] frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < PREAMBLE_BYTES; i++) out.write(0x55);
        out.write(SFD);
        out.writeBytes(withFcs(frame));
        return out.toByteArray();
    }

    /** Bytes as PHY transfers: one per byte on GMII, two nibbles (low first) on MII. */
    static List<Integer> units(byte[] wire, int phyWidth) {
        List<Integer> units = new ArrayList<>();
        for (byte b : wire) {
            if (phyWidth == 8) {
                units.add(b & 0xFF);
            } else {
                units.add(b & 0x0F);
                units.add((b >> 4) & 0x0F);
            }
        }
        return units;
    }

    /** Units back to bytes; an odd trailing nibble is an error. */
    static byte[] bytes(List<Integer> units, int phyWidth) {
        if (phyWidth == 8) {
            byte[] out = new byte[units.size()];
            for (int i = 0; i < out.length; i++) out[i] = (byte) (int) units.get(i);
            return out;
        }
        if (units.size() % 2 != 0) throw new AssertionError("odd number of nibbles on the wire: " + units.size());
        byte[] out = new byte[units.size() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) (units.get(2 * i) | units.get(2 * i + 1) << 4);
        return out;
    }
}
