package flowswitch.hdl.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import scala.jdk.javaapi.CollectionConverters;
import scala.math.BigInt;
import scala.runtime.BoxedUnit;
import spinal.core.BitCount;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.Data;
import spinal.core.HardType;
import spinal.core.HardType$;
import spinal.core.Mem;
import spinal.core.Mem$;
import spinal.core.Mux$;
import spinal.core.Reg$;
import spinal.core.UInt;
import spinal.core.Vec;
import spinal.core.in$;
import spinal.core.is$;
import spinal.core.out$;
import spinal.core.switch$;
import spinal.core.when$;
import spinal.core.WhenContext;
import spinal.lib.Stream;
import spinal.lib.StreamFifo;
import spinal.lib.Flow;

/**
 * The Java face of SpinalHDL: static helpers for what Scala writes with operators and by-name blocks.
 * Every helper calls SpinalHDL; none re-implements it. Import statically: {@code import static flowswitch.hdl.dsl.Hw.*;}
 */
public final class Hw {
    private static final spinal.core.package$ CORE = spinal.core.package$.MODULE$;

    private Hw() {}

    // ---- types ------------------------------------------------------------------------------------------------
    public static BitCount width(int bits) {
        return new BitCount(bits);
    }

    public static Bool bool() {
        return CORE.Bool();
    }

    public static UInt uint(int bits) {
        return CORE.UInt(width(bits));
    }

    public static Bits bits(int bits) {
        return CORE.Bits(width(bits));
    }

    public static <T extends Data> HardType<T> type(Supplier<T> factory) {
        return HardType$.MODULE$.apply(factory::get);
    }

    // ---- ports ------------------------------------------------------------------------------------------------
    public static <T extends Data> T in(T data) {
        return in$.MODULE$.apply(data);
    }

    public static <T extends Data> T out(T data) {
        return out$.MODULE$.apply(data);
    }

    /** A stream port driven from outside this component. */
    public static <T extends Data> Stream<T> slave(Stream<T> stream) {
        return spinal.lib.slave$.MODULE$.apply(stream);
    }

    /** A stream port this component drives. */
    public static <T extends Data> Stream<T> master(Stream<T> stream) {
        return spinal.lib.master$.MODULE$.apply(stream);
    }

    /** A flow port this component drives. */
    public static <T extends Data> Flow<T> master(Flow<T> flow) {
        return spinal.lib.master$.MODULE$.apply(flow);
    }

    // ---- literals ---------------------------------------------------------------------------------------------
    public static UInt u(long value, int bits) {
        return spinal.core.U$.MODULE$.apply(BigInt.apply(value), width(bits));
    }

    public static UInt u(long value) {
        return spinal.core.U$.MODULE$.apply(BigInt.apply(value));
    }

    public static Bits b(long value, int bits) {
        return spinal.core.B$.MODULE$.apply(BigInt.apply(value), width(bits));
    }

    public static Bits b(java.math.BigInteger value, int bits) {
        return spinal.core.B$.MODULE$.apply(BigInt.apply(value), width(bits));
    }

    public static Bool lit(boolean value) {
        return CORE.Bool(value, Loc.here());
    }

    public static Bool TRUE() {
        return lit(true);
    }

    public static Bool FALSE() {
        return lit(false);
    }

    // ---- assignment and registers -------------------------------------------------------------------------------
    /** {@code dst := src}. */
    public static void assign(Data dst, Data src) {
        dst.assignFrom(src, dst, Loc.here());
    }

    public static void assign(Bool dst, boolean value) {
        assign(dst, lit(value));
    }

    public static void assign(UInt dst, long value) {
        assign(dst, u(value, dst.getBitsWidth()));
    }

    public static void assign(Bits dst, long value) {
        assign(dst, b(value, dst.getBitsWidth()));
    }

    public static <T extends Data> T reg(Supplier<T> type) {
        return Reg$.MODULE$.apply(type(type), null, null);
    }

    @SuppressWarnings("unchecked")
    public static <T extends Data> T regInit(Supplier<T> type, T init) {
        T r = reg(type);
        ((spinal.core.DataPrimitives<T>) r).init(init);
        return r;
    }

    public static Bool regBool(boolean init) {
        return regInit(Hw::bool, lit(init));
    }

    public static UInt regUInt(int bits, long init) {
        return regInit(() -> uint(bits), u(init, bits));
    }

    public static Bits regBits(int bits, long init) {
        return regInit(() -> bits(bits), b(init, bits));
    }

    /** Gives every element of a register vector the same reset value. */
    @SuppressWarnings("unchecked")
    public static <T extends Data> Vec<T> initEach(Vec<T> registers, Supplier<T> value) {
        for (int i = 0; i < registers.length(); i++) ((spinal.core.DataPrimitives<T>) registers.apply(i)).init(value.get());
        return registers;
    }

    /** A register that follows {@code next} one cycle later. */
    @SuppressWarnings("unchecked")
    public static <T extends Data> T regNext(T next) {
        return (T) spinal.core.RegNext$.MODULE$.apply(next, null);
    }

    @SuppressWarnings("unchecked")
    public static <T extends Data> T regNext(T next, T init) {
        return (T) spinal.core.RegNext$.MODULE$.apply(next, init);
    }

    // ---- conditionals -----------------------------------------------------------------------------------------
    public static When when(Bool cond, Runnable body) {
        return new When(when$.MODULE$.apply(cond, unit(body), Loc.here()));
    }

    /** {@code when(...).elseWhen(...).otherwise(...)}. */
    public static final class When {
        private final WhenContext ctx;

        private When(WhenContext ctx) {
            this.ctx = ctx;
        }

        public When elseWhen(Bool cond, Runnable body) {
            return new When(ctx.elsewhen(cond, unit(body), Loc.here()));
        }

        public void otherwise(Runnable body) {
            ctx.otherwise(unit(body));
        }
    }

    /** One arm of {@link #switchOn}: the body runs when the selector equals any of the values. */
    public record Case(List<Object> values, Runnable body) {}

    public static Case is(Object value, Runnable body) {
        return new Case(List.of(value instanceof Integer i ? BigInt.apply(i) : value), body);
    }

    public static Case otherwiseCase(Runnable body) {
        return new Case(List.of(), body);
    }

    /** {@code switch(sel) { is(..){..} ... default{..} }}; a Case with no values is the default arm. */
    public static void switchOn(spinal.core.BaseType selector, Case... cases) {
        switch$.MODULE$.apply(selector, false, true, unit(() -> {
            for (Case c : cases) {
                if (c.values().isEmpty()) {
                    spinal.core.default$.MODULE$.apply(unit(c.body()));
                } else {
                    is$.MODULE$.apply(c.values().get(0),
                            CollectionConverters.asScala(c.values().subList(1, c.values().size())).toSeq(), unit(c.body()));
                }
            }
        }), Loc.here());
    }

    // ---- operators --------------------------------------------------------------------------------------------
    public static Bool not(Bool a) {
        return a.unary_$bang();
    }

    public static Bool and(Bool... terms) {
        Bool acc = terms[0];
        for (int i = 1; i < terms.length; i++) acc = acc.$amp$amp(terms[i]);
        return acc;
    }

    public static Bool or(Bool... terms) {
        Bool acc = terms[0];
        for (int i = 1; i < terms.length; i++) acc = acc.$bar$bar(terms[i]);
        return acc;
    }

    @SuppressWarnings("unchecked")
    public static <T extends Data> Bool eq(T a, T b) {
        return ((spinal.core.DataPrimitives<T>) a).$eq$eq$eq(b);
    }

    public static Bool eq(UInt a, long value) {
        return a.$eq$eq$eq(u(value, a.getBitsWidth()));
    }

    public static Bool eq(Bits a, long value) {
        return a.$eq$eq$eq(b(value, a.getBitsWidth()));
    }

    @SuppressWarnings("unchecked")
    public static <T extends Data> Bool neq(T a, T b) {
        return ((spinal.core.DataPrimitives<T>) a).$eq$div$eq(b);
    }

    public static Bool lt(UInt a, UInt b) {
        return a.$less(b);
    }

    public static Bool lt(UInt a, long value) {
        return a.$less(u(value, Math.max(a.getBitsWidth(), bitsFor(value))));
    }

    public static Bool ge(UInt a, UInt b) {
        return a.$greater$eq(b);
    }

    public static Bool ge(UInt a, long value) {
        return a.$greater$eq(u(value, Math.max(a.getBitsWidth(), bitsFor(value))));
    }

    public static Bool gt(UInt a, UInt b) {
        return a.$greater(b);
    }

    public static UInt add(UInt a, UInt b) {
        return a.$plus(b);
    }

    public static UInt add(UInt a, long value) {
        return a.$plus(u(value, a.getBitsWidth()));
    }

    public static UInt sub(UInt a, UInt b) {
        return a.$minus(b);
    }

    /** The full product, {@code a.width + b.width} bits wide. */
    public static UInt mul(UInt a, UInt b) {
        return a.$times(b);
    }

    public static UInt resize(UInt a, int bits) {
        return a.resize(bits);
    }

    public static Bits resize(Bits a, int bits) {
        return a.resize(bits);
    }

    /** {@code a ## b}: a in the high bits. */
    public static Bits cat(Bits a, Bits b) {
        return a.$hash$hash(b);
    }

    public static Bits slice(Bits a, int lsb, int bits) {
        return a.apply(lsb, width(bits));
    }

    public static UInt slice(UInt a, int lsb, int bits) {
        return a.apply(lsb, width(bits));
    }

    public static Bool bit(Bits a, int index) {
        return a.apply(index);
    }

    public static Bool bit(UInt a, int index) {
        return a.apply(index);
    }

    public static Bool bit(Bits a, UInt index) {
        return a.apply(index);
    }

    public static Bits andBits(Bits a, Bits b) {
        return a.$amp(b);
    }

    public static Bits orBits(Bits a, Bits b) {
        return a.$bar(b);
    }

    public static Bits xorBits(Bits a, Bits b) {
        return a.$up(b);
    }

    public static Bits invert(Bits a) {
        return a.unary_$tilde();
    }

    public static UInt asUInt(Bits a) {
        return a.asUInt();
    }

    public static UInt asUInt(Bool a) {
        return a.asUInt();
    }

    public static Bits asBits(Data a) {
        return a.asBits();
    }

    public static Bool orReduce(Bits a) {
        return a.orR();
    }

    public static Bool xor(Bool a, Bool b) {
        return a.$up(b);
    }

    public static Bool xorReduce(Bits a) {
        return a.xorR();
    }

    public static Bool andReduce(Bits a) {
        return a.andR();
    }

    public static <T extends Data> T mux(Bool sel, T whenTrue, T whenFalse) {
        return Mux$.MODULE$.apply(sel, whenTrue, whenFalse);
    }

    /** The value whose {@code select} bit is set (bit i picks {@code values.get(i)}); at most one bit may be set. */
    public static <T extends Data> T muxOneHot(Bits select, List<T> values) {
        return spinal.lib.MuxOH$.MODULE$.apply(select, CollectionConverters.asScala(values).toSeq());
    }

    /** The OR of the values whose {@code select} bit is set: zero when none is (a one-hot mux that may select nothing). */
    public static <T extends Data> T orSelected(Bits select, List<T> values) {
        return spinal.lib.MuxOH$.MODULE$.or(select, CollectionConverters.asScala(values).toSeq());
    }

    /** Number of ones in {@code a}, as a UInt wide enough to hold a.width. */
    public static UInt countOnes(Bits a) {
        return spinal.lib.CountOne$.MODULE$.apply(a);
    }

    /** {@code a} with all but its lowest set bit cleared (zero stays zero). */
    public static Bits lowestSetBit(Bits a) {
        return (Bits) spinal.lib.OHMasking$.MODULE$.first(a);
    }

    /** Index of the lowest set bit of {@code a} (undefined when a is zero). */
    public static UInt lowestSetIndex(Bits a) {
        return spinal.lib.OHToUInt$.MODULE$.apply((spinal.core.BitVector) spinal.lib.OHMasking$.MODULE$.first(a));
    }

    /**
     * Index of the first set bit of {@code v} at or after {@code start}, wrapping around (a rotating priority
     * encoder, as round-robin arbiters and schedulers need). Undefined when v is zero: check {@code orReduce(v)}.
     */
    public static UInt firstSetFrom(Bits v, UInt start) {
        int w = v.getBitsWidth();
        Bits atOrAfter = bits(w);
        long largestStart = (1L << start.getBitsWidth()) - 1;
        for (int i = 0; i < w; i++) {
            // Past the largest possible start every bit qualifies; writing it as a constant keeps lint quiet.
            assign(bit(atOrAfter, i), i >= largestStart ? TRUE() : ge(u(i, Math.max(start.getBitsWidth(), bitsFor(i))), start));
        }
        Bits ahead = andBits(v, atOrAfter);
        return resize(mux(orReduce(ahead), lowestSetIndex(ahead), lowestSetIndex(v)), log2Up(w));
    }

    /** A {@code width}-bit vector with only bit {@code index} set (a port number as a port mask). */
    public static Bits oneHot(UInt index, int width) {
        return asBits(resize(asUInt(b(1, width)).$less$less(index), width));
    }

    /** {@code (a + 1) mod modulus} for a counter that need not be a power of two wide. */
    public static UInt incrementModulo(UInt a, int modulus) {
        return mux(eq(a, modulus - 1), u(0, a.getBitsWidth()), add(a, 1));
    }

    // ---- collections --------------------------------------------------------------------------------------------
    public static <T extends Data> Vec<T> vec(Supplier<T> element, int count) {
        return CORE.Vec(type(element), count);
    }

    public static <T extends Data> Vec<T> vecOf(List<T> elements) {
        return CORE.Vec(CollectionConverters.asScala(elements), type(() -> spinal.core.cloneOf$.MODULE$.apply(elements.get(0))));
    }

    /**
     * {@code v(index)} for any index width: SpinalHDL wants the index exactly log2(size) wide (zero bits for one
     * element), while our indices have a fixed width per table.
     */
    public static <T extends Data> T element(Vec<T> v, UInt index) {
        int exact = 32 - Integer.numberOfLeadingZeros(v.length() - 1);
        if (exact == 0) return v.apply(0);
        return v.apply(index.getBitsWidth() == exact ? index : resize(index, exact));
    }

    public static <T extends Data> Mem<T> mem(Supplier<T> word, int depth) {
        return Mem$.MODULE$.apply(type(word), depth);
    }

    @SafeVarargs
    public static <T> scala.collection.immutable.Seq<T> seq(T... items) {
        return CollectionConverters.asScala(Arrays.asList(items)).toSeq();
    }

    // ---- streams ------------------------------------------------------------------------------------------------
    public static <T extends Data> Stream<T> stream(Supplier<T> payload) {
        return new Stream<>(type(payload));
    }

    public static <T extends Data> Flow<T> flow(Supplier<T> payload) {
        return new Flow<>(type(payload));
    }

    /** {@code sink << source}: connects valid/payload forward and ready back. */
    public static <T extends Data> void connect(Stream<T> source, Stream<T> sink) {
        sink.$less$less(source);
    }

    /** A spinal.lib FIFO in block RAM (or registers for small depths, as the synthesizer decides). */
    public static <T extends Data> Fifo<T> fifo(Supplier<T> payload, int depth) {
        return Fifo.of(library(new StreamFifo<>(type(payload), depth, false, false, true, false, false, scala.Option::empty)));
    }

    /**
     * A short FIFO in registers that hands an entry on in the cycle it is pushed when it is empty (no added latency),
     * for queues on the path whose cycles a frame's latency counts. A vector of registers, not a memory: an
     * asynchronously read memory asks for distributed RAM, which iCE40 parts do not have.
     */
    public static <T extends Data> Fifo<T> bypassFifo(Supplier<T> payload, int depth) {
        return Fifo.of(library(new StreamFifo<>(type(payload), depth, true, true, true, false, true, scala.Option::empty)));
    }

    /**
     * Closes a spinal.lib component created from Java. Scala's compiler plugin closes a component at the place it is
     * created; Java has no plugin, so every {@code new} of a library component goes through here.
     */
    public static <C extends spinal.core.Component> C library(C component) {
        component.postInitCallback();
        return component;
    }

    /**
     * Gives {@code signal} an exact name and returns it. For signals that {@link HwComponent#build} cannot name
     * because no field holds them (ports created in loops, registers made by helper classes).
     */
    public static <T extends spinal.core.Nameable> T named(T signal, String name) {
        signal.setName(name, false);
        return signal;
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------
    static scala.Function0<BoxedUnit> unit(Runnable body) {
        return () -> {
            body.run();
            return BoxedUnit.UNIT;
        };
    }

    /** Bits needed to hold {@code value} (at least 1). */
    public static int bitsFor(long value) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(value));
    }

    /** log2 rounded up, at least 1: the width of an index into {@code count} things. */
    public static int log2Up(int count) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(count - 1));
    }
}
