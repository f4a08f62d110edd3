package flowswitch.hdl.control.uart;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.driver.transport.serial.protocol.Crc8;
import spinal.core.Bits;

/**
 * {@link Crc8#update} as a network of XOR gates. A CRC step is linear over GF(2) in {@code crc ^ byte}, so output
 * bit i is the parity of the input bits whose unit vectors set bit i: the software function is the only definition.
 */
final class Crc8Logic {
    private Crc8Logic() {}

    /** The CRC after {@code value}: combinational, 8 bits. */
    static Bits update(Bits crc, Bits value) {
        Bits x = xorBits(crc, value);
        Bits out = null;
        for (int bit = 7; bit >= 0; bit--) {
            Bits parity = asBits(andBits(x, b(inputsOf(bit), 8)).xorR());
            out = out == null ? parity : cat(out, parity);
        }
        return out;
    }

    /** Which bits of {@code crc ^ byte} feed output bit {@code bit}. */
    private static int inputsOf(int bit) {
        int mask = 0;
        for (int input = 0; input < 8; input++) {
            if ((Crc8.update(0, 1 << input) >> bit & 1) != 0) mask |= 1 << input;
        }
        return mask;
    }
}
