package flowswitch.hdl.board.sume;

import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.Signals;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import spinal.core.ClockDomain;
import spinal.core.ClockDomain$;
import spinal.core.ClockDomainConfig;

/**
 * Drives the SUME core's pins as the reference pipeline would: frames into s_axis with their tuser, frames out of
 * m_axis collected with the tuser of their first beat, and AXI4-Lite reads on the register clock.
 */
final class SumeBench {
    /** A frame on a SUME stream, with its tuser. */
    record Frame(byte[] bytes, BigInteger tuser) {
        int length() {
            return tuser.and(BigInteger.valueOf(0xFFFF)).intValue();
        }

        int sourcePorts() {
            return tuser.shiftRight(SumeStream.SRC_PORT_POS).and(BigInteger.valueOf(0xFF)).intValue();
        }

        int destinationPorts() {
            return tuser.shiftRight(SumeStream.DST_PORT_POS).and(BigInteger.valueOf(0xFF)).intValue();
        }

        boolean aborted() {
            return tuser.testBit(SumeStream.ABORTED_POS);
        }
    }

    private record Beat(BigInteger data, BigInteger keep, boolean last, BigInteger tuser) {}

    private static final int BYTES = SumeStream.DATA_WIDTH / 8;

    final SimClock axis;
    final SimClock registers;
    private final NetFpgaSumeOpl dut;
    private final ArrayDeque<Beat> input = new ArrayDeque<>();
    private boolean presenting;
    final List<Frame> output = new ArrayList<>();
    private final java.io.ByteArrayOutputStream assembling = new java.io.ByteArrayOutputStream();
    private BigInteger firstTuser;
    private Long readResult;
    private int readPhase;

    SumeBench(NetFpgaSumeOpl dut) {
        this.dut = dut;
        axis = SimClock.start(domain(dut.axisAclk, dut.axisResetn), 5);
        registers = SimClock.start(domain(dut.sAxiAclk, dut.sAxiAresetn), 10);
        Signals.write(dut.sAxisTvalid, false);
        Signals.write(dut.mAxisTready, true);
        Signals.write(dut.sAxiAwvalid, false);
        Signals.write(dut.sAxiWvalid, false);
        Signals.write(dut.sAxiArvalid, false);
        Signals.write(dut.sAxiBready, true);
        Signals.write(dut.sAxiRready, false);
        axis.onEachCycle(this::streams);
        registers.onEachCycle(this::registerRead);
    }

    /** A clock domain for a clock pin and its active-low reset pin, for SpinalSim to drive. */
    private static ClockDomain domain(spinal.core.Bool clock, spinal.core.Bool resetn) {
        ClockDomain$ cd = ClockDomain$.MODULE$;
        return cd.apply(clock, resetn, cd.apply$default$3(), cd.apply$default$4(), cd.apply$default$5(),
                new ClockDomainConfig(spinal.core.RISING$.MODULE$, spinal.core.SYNC$.MODULE$, spinal.core.LOW$.MODULE$,
                        spinal.core.HIGH$.MODULE$, spinal.core.HIGH$.MODULE$), cd.apply$default$7(), cd.apply$default$8());
    }

    /** Queues {@code bytes} on s_axis as coming from source port byte {@code sourcePorts}. */
    void send(byte[] bytes, int sourcePorts) {
        BigInteger tuser = BigInteger.valueOf(bytes.length).or(BigInteger.valueOf(sourcePorts).shiftLeft(SumeStream.SRC_PORT_POS));
        for (int start = 0; start < bytes.length; start += BYTES) {
            int count = Math.min(BYTES, bytes.length - start);
            BigInteger data = BigInteger.ZERO;
            for (int lane = 0; lane < count; lane++) {
                data = data.or(BigInteger.valueOf(bytes[start + lane] & 0xFF).shiftLeft(8 * lane));
            }
            input.add(new Beat(data, BigInteger.ONE.shiftLeft(count).subtract(BigInteger.ONE),
                    start + count == bytes.length, tuser));
        }
    }

    boolean inputDone() {
        return input.isEmpty() && !presenting;
    }

    /** Starts a read of {@code address}; {@link #readResult()} has the data once it is done. */
    void read(int address) {
        readResult = null;
        Signals.write(dut.sAxiAraddr, address);
        Signals.write(dut.sAxiArvalid, true);
        readPhase = 1;
    }

    Long readResult() {
        return readResult;
    }

    private void streams() {
        if (presenting && Signals.read(dut.sAxisTready)) {
            input.remove();
            presenting = false;
        }
        Beat next = input.peek();
        presenting = next != null;
        Signals.write(dut.sAxisTvalid, presenting);
        if (presenting) {
            Signals.write(dut.sAxisTdata, next.data());
            Signals.write(dut.sAxisTkeep, next.keep());
            Signals.write(dut.sAxisTlast, next.last());
            Signals.write(dut.sAxisTuser, next.tuser());
        }
        if (Signals.read(dut.mAxisTvalid) && Signals.read(dut.mAxisTready)) {
            if (firstTuser == null) firstTuser = Signals.read(dut.mAxisTuser);
            BigInteger keep = Signals.read(dut.mAxisTkeep);
            byte[] data = Signals.read(dut.mAxisTdata).toByteArray();
            for (int lane = 0; lane < keep.bitCount(); lane++) {
                int index = data.length - 1 - lane;
                assembling.write(index >= 0 ? data[index] : 0);
            }
            if (Signals.read(dut.mAxisTlast)) {
                output.add(new Frame(assembling.toByteArray(), firstTuser));
                assembling.reset();
                firstTuser = null;
            }
        }
    }

    private void registerRead() {
        if (readPhase == 1 && Signals.read(dut.sAxiArready)) {
            Signals.write(dut.sAxiArvalid, false);
            Signals.write(dut.sAxiRready, true);
            readPhase = 2;
        } else if (readPhase == 2 && Signals.read(dut.sAxiRvalid)) {
            readResult = Signals.readLong(dut.sAxiRdata);
            Signals.write(dut.sAxiRready, false);
            readPhase = 0;
        }
    }

    static byte[] frame(int length, long dst, long src, int seed) {
        byte[] f = new byte[length];
        new java.util.Random(seed).nextBytes(f);
        for (int i = 0; i < 6; i++) {
            f[i] = (byte) (dst >>> (8 * (5 - i)));
            f[6 + i] = (byte) (src >>> (8 * (5 - i)));
        }
        f[12] = (byte) 0x88; // an ethertype the switch only bridges
        f[13] = (byte) 0xB5;
        return f;
    }

    static boolean same(Frame f, byte[] bytes) {
        return Arrays.equals(f.bytes(), bytes);
    }
}
