package flowswitch.hdl.control.uart;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.driver.transport.serial.protocol.UartOp;
import flowswitch.driver.transport.serial.protocol.UartRequest;
import flowswitch.driver.transport.serial.protocol.UartResponse;
import flowswitch.driver.transport.serial.protocol.UartStatus;
import flowswitch.hdl.control.axil.AxiLite;
import flowswitch.hdl.dsl.Fifo;
import flowswitch.hdl.dsl.HwComponent;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.Stream;
import spinal.lib.bus.amba4.axilite.AxiLite4;
import spinal.lib.com.uart.UartCtrl;
import spinal.lib.com.uart.UartCtrlGenerics;
import spinal.lib.com.uart.UartCtrlIo;
import spinal.lib.com.uart.UartParityType$;
import spinal.lib.com.uart.UartStopType$;

/**
 * A UART (8N1) to AXI4-Lite master bridge: receives a request frame, checks its CRC and op, runs the read or write
 * on {@code m_axil}, and answers with a response frame (protocol: hdl-gen/docs/uart-protocol.md). One request at a
 * time; bytes that arrive meanwhile wait in a small queue. A request with a bad CRC or op is answered, never run.
 */
public final class UartBridge extends HwComponent {
    /** Where the bridge is in handling one request. */
    private enum Phase { HUNT, RECEIVE, CHECK, EXECUTE, RESPOND }

    /** Bytes after the sync byte: op, seq, address (2), data (4), crc. */
    private static final int BODY_BYTES = UartRequest.LENGTH - 1;
    /** Room for a whole request arriving while the previous one is still being answered. */
    private static final int RX_QUEUE_DEPTH = 16;
    private static final int REPLY_BITS = 8 * (UartResponse.LENGTH - 1);

    public final Bool uartRxd = in(bool());
    public final Bool uartTxd = out(bool());
    public final AxiLite4 mAxil = AxiLite.masterPort();

    private final UartCtrl uart;
    private final Fifo<Bits> rxQueue = fifo(() -> bits(8), RX_QUEUE_DEPTH);
    private final UInt phase = regUInt(3, Phase.HUNT.ordinal());
    private final UInt received = regUInt(4, 0);
    /** The body so far, first byte (op) ending up in the top bits. */
    private final Bits requestBody = regBits(8 * BODY_BYTES, 0);
    private final Bits rxCrc = regBits(8, 0);
    /** Clocks since the UART last delivered a byte, saturating at the gap limit. */
    private final UInt quiet;
    private final Bool awPending = regBool(false);
    private final Bool wPending = regBool(false);
    private final Bool arPending = regBool(false);
    /** Response bytes before the CRC (sync first, in the top bits), shifted out one byte at a time. */
    private final Bits reply = regBits(REPLY_BITS, 0);
    private final UInt sent = regUInt(3, 0);
    private final Bits txCrc = regBits(8, 0);

    public UartBridge(UartBridgeConfig config) {
        uart = library(new UartCtrl(new UartCtrlGenerics(8, bitsFor(config.clockDivider()), 1,
                UartBridgeConfig.SAMPLES_PER_BIT - 2, 1, false, false)));
        UartCtrlIo io = uart.io();
        assign(io.config().clockDivider(), config.clockDivider());
        assign(io.config().frame().dataLength(), 7); // UartCtrl sends dataLength + 1 bits
        assign(io.config().frame().parity(), UartParityType$.MODULE$.NONE().apply());
        assign(io.config().frame().stop(), UartStopType$.MODULE$.ONE().apply());
        assign(io.writeBreak(), false);
        assign(io.uart().rxd(), uartRxd);
        assign(uartTxd, io.uart().txd());
        connect(io.read(), rxQueue.push());

        long gapClocks = config.gapClocks();
        quiet = named(regUInt(bitsFor(gapClocks), 0), "quiet");
        when(io.read().valid(), () -> assign(quiet, 0))
                .elseWhen(lt(quiet, gapClocks), () -> assign(quiet, add(quiet, 1)));

        receive(eq(quiet, gapClocks));
        check();
        execute();
        transmit(io.write());
    }

    /** Skips to a sync byte, then collects the body; a silent line inside a frame drops it. */
    private void receive(Bool gapExpired) {
        Stream<Bits> rx = rxQueue.pop();
        Bits value = rx.payload();
        assign(rx.ready(), or(at(Phase.HUNT), at(Phase.RECEIVE)));
        when(rx.fire(), () -> {
            when(at(Phase.HUNT), () -> when(eq(value, UartRequest.SYNC), this::startFrame))
                    .otherwise(() -> takeBodyByte(value));
        }).elseWhen(and(at(Phase.RECEIVE), gapExpired), () -> go(Phase.HUNT));
    }

    private void startFrame() {
        go(Phase.RECEIVE);
        assign(received, 0);
        assign(rxCrc, 0);
    }

    private void takeBodyByte(Bits value) {
        assign(requestBody, cat(slice(requestBody, 0, 8 * (BODY_BYTES - 1)), value));
        assign(rxCrc, Crc8Logic.update(rxCrc, value));
        assign(received, add(received, 1));
        when(eq(received, BODY_BYTES - 1), () -> go(Phase.CHECK));
    }

    /** A whole body, CRC included, leaves a CRC of zero; only then is the op looked at. */
    private void check() {
        Bits op = bodyByte(0);
        when(at(Phase.CHECK), () -> when(neq(rxCrc, b(0, 8)), () -> respond(UartStatus.BAD_CRC, b(0, 32)))
                .elseWhen(eq(op, UartOp.READ.code()), () -> {
                    assign(arPending, true);
                    go(Phase.EXECUTE);
                })
                .elseWhen(eq(op, UartOp.WRITE.code()), () -> {
                    assign(awPending, true);
                    assign(wPending, true);
                    go(Phase.EXECUTE);
                })
                .otherwise(() -> respond(UartStatus.BAD_OP, b(0, 32))));
    }

    /** One AXI4-Lite transaction; its response ends the phase. */
    private void execute() {
        UInt address = asUInt(cat(bodyByte(2), bodyByte(3)));
        Bits data = cat(cat(bodyByte(4), bodyByte(5)), cat(bodyByte(6), bodyByte(7)));
        assign(mAxil.aw().valid(), awPending);
        assign(mAxil.aw().payload().addr(), address);
        assign(mAxil.aw().payload().prot(), 0);
        assign(mAxil.w().valid(), wPending);
        assign(mAxil.w().payload().data(), data);
        assign(mAxil.w().payload().strb(), AxiLite.FULL_STROBE);
        assign(mAxil.ar().valid(), arPending);
        assign(mAxil.ar().payload().addr(), address);
        assign(mAxil.ar().payload().prot(), 0);
        assign(mAxil.b().ready(), true);
        assign(mAxil.r().ready(), true);
        when(mAxil.aw().fire(), () -> assign(awPending, false));
        when(mAxil.w().fire(), () -> assign(wPending, false));
        when(mAxil.ar().fire(), () -> assign(arPending, false));
        when(mAxil.b().fire(), () -> respond(AxiLite.okay(mAxil.b().payload().resp()), b(0, 32)));
        when(mAxil.r().fire(), () -> {
            Bool okay = AxiLite.okay(mAxil.r().payload().resp());
            respond(okay, mux(okay, mAxil.r().payload().data(), b(0, 32)));
        });
    }

    /** Sends the reply bytes, then their CRC, then goes back to hunting. */
    private void transmit(Stream<Bits> tx) {
        Bool last = eq(sent, UartResponse.LENGTH - 1);
        Bits value = mux(last, txCrc, slice(reply, REPLY_BITS - 8, 8));
        assign(tx.valid(), at(Phase.RESPOND));
        assign(tx.payload(), value);
        when(tx.fire(), () -> {
            assign(reply, cat(slice(reply, 0, REPLY_BITS - 8), b(0, 8)));
            assign(sent, add(sent, 1));
            // The CRC covers every byte after the sync byte.
            when(and(neq(sent, u(0, 3)), not(last)), () -> assign(txCrc, Crc8Logic.update(txCrc, value)));
            when(last, () -> go(Phase.HUNT));
        });
    }

    private void respond(Bool busOkay, Bits data) {
        respond(mux(busOkay, b(UartStatus.OK.code(), 8), b(UartStatus.BUS_ERROR.code(), 8)), data);
    }

    private void respond(UartStatus status, Bits data) {
        respond(b(status.code(), 8), data);
    }

    private void respond(Bits status, Bits data) {
        assign(reply, cat(cat(b(UartResponse.SYNC, 8), status), cat(bodyByte(1), data)));
        assign(sent, 0);
        assign(txCrc, 0);
        go(Phase.RESPOND);
    }

    /** Byte {@code i} of the body (0 = op). */
    private Bits bodyByte(int i) {
        return slice(requestBody, 8 * (BODY_BYTES - 1 - i), 8);
    }

    private Bool at(Phase p) {
        return eq(phase, p.ordinal());
    }

    private void go(Phase p) {
        assign(phase, p.ordinal());
    }
}
