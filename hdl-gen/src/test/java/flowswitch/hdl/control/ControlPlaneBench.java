package flowswitch.hdl.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flowswitch.driver.transport.serial.protocol.UartRequest;
import flowswitch.driver.transport.serial.protocol.UartResponse;
import flowswitch.hdl.control.regs.RegisterMap;
import flowswitch.hdl.control.sim.AxiLiteMaster;
import flowswitch.hdl.control.sim.UartHost;
import flowswitch.hdl.simtest.Signals;
import flowswitch.hdl.simtest.SimClock;

/** A running ControlPlane with an AXI4-Lite master and a serial host attached; registers are found by name. */
final class ControlPlaneBench {
    static final int OKAY = 0;
    static final int SLVERR = 2;
    private static final int AXI_TIMEOUT = 200;

    final ControlPlane dut;
    final RegisterMap map;
    final SimClock clock;
    final AxiLiteMaster axi;
    final UartHost uart;
    private final int clocksPerBit;

    ControlPlaneBench(ControlPlane dut, int clocksPerBit) {
        this.dut = dut;
        this.map = dut.registerMap();
        this.clocksPerBit = clocksPerBit;
        clock = SimClock.start(dut);
        axi = new AxiLiteMaster(clock, dut.sAxil);
        uart = new UartHost(clock, dut.uartRxd, dut.uartTxd, clocksPerBit);
        Signals.write(dut.statFlowOccupancy, 0);
        Signals.write(dut.statMacOccupancy, 0);
        for (CounterInput c : dut.counterInputs()) {
            Signals.write(c.inc(), false);
            c.amount().ifPresent(a -> Signals.write(a, 0));
        }
        clock.run(2);
    }

    int address(String register) {
        return map.register(register).address();
    }

    /** Reads over AXI4-Lite and expects OKAY. */
    long read(String register) {
        AxiLiteMaster.Op op = axi.read(address(register));
        clock.runUntil(op::done, AXI_TIMEOUT, () -> "AXI read of " + register);
        assertEquals(OKAY, op.resp(), "AXI read of " + register + ": response code");
        return op.readData();
    }

    /**
     * Writes over AXI4-Lite and expects OKAY, then lets one more cycle pass: a W1P pulse is high in the cycle after
     * the write, so what it triggers shows on the outputs one cycle after the response.
     */
    void write(String register, long value) {
        AxiLiteMaster.Op op = axi.write(address(register), value);
        clock.runUntil(op::done, AXI_TIMEOUT, () -> "AXI write of " + register);
        assertEquals(OKAY, op.resp(), "AXI write of " + register + ": response code");
        clock.run(1);
    }

    /** Sends raw bytes (after whatever the line still has queued) and waits for one response frame. */
    UartResponse uartExchange(byte[] frame) {
        uart.send(frame);
        drainLine();
        clock.runUntil(() -> uart.available() >= UartResponse.LENGTH, (UartResponse.LENGTH + 4) * 10L * clocksPerBit,
                () -> "a UART response (" + uart.available() + " bytes so far)");
        return UartResponse.decode(uart.take(UartResponse.LENGTH));
    }

    UartResponse uart(UartRequest request) {
        return uartExchange(request.encode());
    }

    /** Runs until the host has put every queued byte and pause on the line. */
    void drainLine() {
        clock.runUntil(() -> !uart.sending(), uart.queuedClocks() + 16, () -> "the host's queued bytes going out");
    }

    /** Idles the line long enough that the bridge would have answered anything it took for a request. */
    void expectUartSilence(double byteTimes) {
        clock.run((int) (byteTimes * 10 * clocksPerBit));
        assertEquals(0, uart.available(), "the bridge answered although no whole request was sent");
    }
}
