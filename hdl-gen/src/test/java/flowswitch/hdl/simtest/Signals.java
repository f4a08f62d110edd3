package flowswitch.hdl.simtest;

import java.math.BigInteger;
import spinal.core.BitVector;
import spinal.core.Bool;

/**
 * Reads and writes simulated signals from Java. Scala reaches these through implicit wrappers ("pimpers") with
 * operator names ({@code #=}); here they are plain static methods. Reads give the value the design had at the
 * current clock edge; writes take effect after it.
 */
public final class Signals {
    private static final spinal.core.sim.package$ SIM = spinal.core.sim.package$.MODULE$;

    private Signals() {}

    public static boolean read(Bool signal) {
        return SIM.SimBoolPimper(signal).toBoolean();
    }

    public static BigInteger read(BitVector signal) {
        return SIM.SimBitVectorPimper(signal).toBigInt().bigInteger();
    }

    public static long readLong(BitVector signal) {
        if (signal.getBitsWidth() > 63) {
            throw new IllegalArgumentException(signal + " is " + signal.getBitsWidth() + " bits; read it as a BigInteger");
        }
        return SIM.SimBitVectorPimper(signal).toLong();
    }

    public static void write(Bool signal, boolean value) {
        SIM.SimBoolPimper(signal).$hash$eq(value);
    }

    public static void write(BitVector signal, BigInteger value) {
        SIM.SimEquivBitVectorBigIntPimper(signal).$hash$eq(scala.math.BigInt.apply(value));
    }

    public static void write(BitVector signal, long value) {
        write(signal, BigInteger.valueOf(value));
    }
}
