package flowswitch.hdl.dsl;

import static flowswitch.hdl.dsl.Hw.*;
import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.*;

import flowswitch.hdl.gen.VerilogWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.Stream;

/** Shows what Verilog the Java layer produces: names, registers, conditionals, streams, sub-components. */
class HwDslTest {

    /** A saturating counter with a mode switch, feeding a FIFO inside a child component. */
    static final class Counter extends HwComponent {
        final Bool enable = in(bool());
        final UInt mode = in(uint(2));
        final UInt count = out(uint(8));
        final UInt total = regUInt(8, 0);
        final Bits lastMode = regBits(2, 0);

        Counter() {
            when(enable, () -> {
                switchOn(mode,
                        is(0, () -> assign(total, add(total, 1))),
                        is(1, () -> assign(total, add(total, 2))),
                        otherwiseCase(() -> assign(total, 0)));
                assign(lastMode, asBits(mode));
            }).elseWhen(eq(lastMode, 3), () -> assign(total, 7));
            assign(count, total);
        }
    }

    static final class Buffered extends HwComponent {
        final Stream<Bits> sIn = slave(stream(() -> bits(16)));
        final Stream<Bits> mOut = master(stream(() -> bits(16)));
        final Fifo<Bits> queue = fifo(() -> bits(16), 8);
        final Counter beats = build(new Counter());

        Buffered() {
            connect(sIn, queue.push());
            connect(queue.pop(), mOut);
            assign(beats.enable, sIn.fire());
            assign(beats.mode, 0);
        }
    }

    /** A small lookup table: a Vec of registers written by index, a Mem read synchronously, a Flow out. */
    static final class Lookup extends HwComponent {
        final UInt writeIndex = in(uint(2));
        final Bits writeValue = in(bits(8));
        final Bool write = in(bool());
        final UInt readIndex = in(uint(4));
        final spinal.lib.Flow<Bits> result = master(flow(() -> bits(8)));
        final spinal.core.Vec<Bits> slots = initEach(reg(() -> vec(() -> bits(8), 4)), () -> b(0, 8));
        final spinal.core.Mem<Bits> lut = mem(() -> bits(8), 16);

        Lookup() {
            when(write, () -> assign(element(slots, writeIndex), writeValue));
            lut.write(resize(writeIndex, 4), writeValue, write, null);
            assign(result.valid(), regNext(write, lit(false)));
            assign(result.payload(), xorBits(lut.readSync(readIndex, TRUE(), spinal.core.dontCare$.MODULE$, false),
                    element(slots, resize(readIndex, 2))));
        }
    }

    @Test
    void vectorsMemoriesAndFlows(@TempDir Path dir) throws Exception {
        VerilogWriter.write(dir, () -> build(new Lookup()));
        String v = Files.readString(dir.resolve("Lookup.v"));
        assertTrue(v.matches("(?s).*reg\\s+\\[7:0\\]\\s+lut\\s*\\[0:15\\];.*"), "a Mem becomes a Verilog memory:\n" + v);
        assertTrue(v.matches("(?s).*reg\\s+\\[7:0\\]\\s+slots_0;.*"), "a Vec of registers becomes named registers");
        assertTrue(v.matches("(?s).*output\\s+wire\\s+result_valid.*"), v);
        assertTrue(v.matches("(?s).*output\\s+wire\\s+\\[7:0\\]\\s+result_payload.*"), v);
    }

    @Test
    void namesRegistersAndConditionalsComeOutReadable(@TempDir Path dir) throws Exception {
        VerilogWriter.write(dir, () -> build(new Counter()));
        String v = Files.readString(dir.resolve("Counter.v"));
        assertTrue(v.contains("module Counter"), v);
        assertTrue(v.contains("input  wire          enable") || v.contains("input  wire       enable") || v.matches("(?s).*input\\s+wire\\s+enable.*"), v);
        assertTrue(v.matches("(?s).*output\\s+wire\\s+\\[7:0\\]\\s+count.*"), v);
        assertTrue(v.matches("(?s).*reg\\s+\\[7:0\\]\\s+total;.*"), v);
        assertTrue(v.contains("last_mode"), "camelCase fields become snake_case names");
        assertTrue(v.contains("if(enable) begin"), v);
        assertTrue(v.contains("case(mode)"), v);
        assertFalse(v.contains("_zz_total"), "no anonymous names for fields");
    }

    @Test
    void subComponentsAndLibraryStreams(@TempDir Path dir) throws Exception {
        VerilogWriter.write(dir, () -> build(new Buffered()));
        String v = Files.readString(dir.resolve("Buffered.v"));
        assertTrue(v.contains("module Buffered"), v);
        assertTrue(v.contains("module StreamFifo"), v);
        assertTrue(v.contains("Counter beats ("), v);
        assertTrue(v.matches("(?s).*input\\s+wire\\s+s_in_valid.*"), v);
        assertTrue(v.matches("(?s).*output\\s+wire\\s+\\[15:0\\]\\s+m_out_payload.*"), v);
    }
}
