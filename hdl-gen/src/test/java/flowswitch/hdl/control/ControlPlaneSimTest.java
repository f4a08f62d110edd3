package flowswitch.hdl.control;

import static flowswitch.hdl.dsl.HwComponent.build;
import static flowswitch.hdl.simtest.Signals.read;
import static flowswitch.hdl.simtest.Signals.readLong;
import static flowswitch.hdl.simtest.Signals.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.HardwareParams;
import flowswitch.driver.transport.serial.protocol.Crc8;
import flowswitch.driver.transport.serial.protocol.UartRequest;
import flowswitch.driver.transport.serial.protocol.UartResponse;
import flowswitch.driver.transport.serial.protocol.UartStatus;
import flowswitch.hdl.control.regs.CounterDef;
import flowswitch.hdl.control.sim.AxiLiteMaster;
import flowswitch.hdl.simtest.SimModels;
import flowswitch.hdl.tables.ServerEntry;
import flowswitch.hdl.tables.ServiceEntry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import spinal.core.Bits;
import spinal.core.Bool;

/**
 * The control plane under Verilator, driven over AXI4-Lite and the UART like a host would. One build per hardware
 * variant, shared by the tests; each test runs its own simulation from reset.
 */
class ControlPlaneSimTest {
    private static final int CLOCKS_PER_BIT = 10;
    private static final int GAP_BYTES = 4;
    private static final long FLSW = 0x464C5357L;

    static ControlPlaneConfig config(HardwareParams hw) {
        return ControlPlaneConfig.forHardware(hw).withUartClocksPerBit(CLOCKS_PER_BIT).withUartFrameGapBytes(GAP_BYTES);
    }

    private static void run(HardwareVariant v, String name, Consumer<ControlPlaneBench> body) {
        SimModels.run(SimModels.get("ControlPlane_" + v.name().toLowerCase(Locale.ROOT),
                () -> build(new ControlPlane(config(v.hw)))), name, 7, dut -> body.accept(new ControlPlaneBench(dut, CLOCKS_PER_BIT)));
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void identityVersionBuildAndParametersReadOverAxiLite(HardwareVariant v) {
        run(v, "identity", t -> {
            assertEquals(FLSW, t.read("ID"));
            assertEquals(0x0001_0000L, t.read("VERSION"));
            assertEquals(Integer.toUnsignedLong(v.hw.buildHash()), t.read("BUILD"));
            Map<String, Integer> params = Map.of("HW_DATA_WIDTH", v.hw.dataWidth(), "HW_PORTS", v.hw.ports(),
                    "HW_MAX_SERVERS", v.hw.maxServers(), "HW_MAX_SERVICES", v.hw.maxServices(),
                    "HW_FLOW_TABLE_SIZE", v.hw.flowTableSize(), "HW_MAC_TABLE_SIZE", v.hw.macTableSize(),
                    "HW_MAX_FRAME_BYTES", v.hw.maxFrameBytes());
            params.forEach((register, value) -> assertEquals((long) value, t.read(register), register));
            t.write("ID", 0);
            assertEquals(FLSW, t.read("ID"), "a write must not change a read-only register");
        });
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void switchMacAndUplinkMaskAreReadWriteAndDriveTheirOutputs(HardwareVariant v) {
        run(v, "read_write", t -> {
            assertEquals(0, t.read("SWITCH_MAC_LO"));
            assertEquals(0, t.read("UPLINK_MASK"));
            assertEquals(0, readLong(t.dut.cfgSwitchMac));
            t.write("SWITCH_MAC_LO", 0x3344_5566L);
            t.write("SWITCH_MAC_HI", 0xAB_1122L);
            assertEquals(0x3344_5566L, t.read("SWITCH_MAC_LO"));
            assertEquals(0x1122L, t.read("SWITCH_MAC_HI"), "bits above the 16-bit field read 0");
            assertEquals(0x1122_3344_5566L, readLong(t.dut.cfgSwitchMac));
            long allPorts = (1L << v.hw.ports()) - 1;
            t.write("UPLINK_MASK", 0xFFFF_FFFFL);
            assertEquals(allPorts, t.read("UPLINK_MASK"));
            assertEquals(allPorts, readLong(t.dut.cfgUplinkMask));
            t.write("UPLINK_MASK", 0b10);
            assertEquals(0b10, readLong(t.dut.cfgUplinkMask));
        });
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void flowFlushPulsesForExactlyOneCycle(HardwareVariant v) {
        run(v, "flush", t -> {
            AtomicInteger highCycles = new AtomicInteger();
            Bool flush = t.dut.cmdFlowFlush;
            t.clock.onEachCycle(() -> {
                if (read(flush)) highCycles.incrementAndGet();
            });
            t.clock.run(10);
            assertEquals(0, highCycles.get(), "no flush before it is asked for");
            t.write("FLOW_FLUSH", 1);
            t.clock.run(10);
            assertEquals(1, highCycles.get());
            t.write("FLOW_FLUSH", 0);
            t.clock.run(10);
            assertEquals(1, highCycles.get(), "writing 0 does not pulse");
            assertEquals(0, t.read("FLOW_FLUSH"));
        });
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void stagedServiceReachesItsSlotOnlyOnCommit(HardwareVariant v) {
        run(v, "service_table", t -> {
            int slots = v.hw.maxServices();
            int slot = slots - 1;
            assertAllZero(t.dut.cfgService);
            t.write("SVC_INDEX", slot);
            t.write("SVC_VIP", 0xC0A8_0001L);
            long cfg = 1L << 31 | 1L << 24 | 6L << 16 | 80;
            t.write("SVC_CFG", cfg);
            assertAllZero(t.dut.cfgService);
            assertEquals(0, t.read("SVC_RD_VIP"), "read-back shows the slot, not the staging registers");
            t.write("SVC_COMMIT", 1);
            BigInteger entry = ServiceEntry.LAYOUT.pack(Map.of("enable", 1L, "vip", 0xC0A8_0001L, "proto", 6L,
                    "port", 80L, "scheduler", 1L));
            assertEquals(entry, read(t.dut.cfgService.get(slot)));
            assertAllZero(t.dut.cfgService.subList(0, slot));
            assertEquals(0xC0A8_0001L, t.read("SVC_RD_VIP"));
            assertEquals(cfg, t.read("SVC_RD_CFG"));
            t.write("SVC_VIP", 0x0A00_0001L);
            assertEquals(entry, read(t.dut.cfgService.get(slot)), "restaging leaves the committed slot alone");
            t.write("SVC_INDEX", 0);
            assertEquals(0, t.read("SVC_RD_CFG"));
            if (Integer.bitCount(slots) != 1) {
                t.write("SVC_INDEX", slots); // an index with no slot behind it
                t.write("SVC_COMMIT", 1);
                assertEquals(entry, read(t.dut.cfgService.get(slot)));
                assertAllZero(t.dut.cfgService.subList(0, slot));
                assertEquals(0, t.read("SVC_RD_VIP"));
            }
        });
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void stagedServerReachesItsSlotOnlyOnCommit(HardwareVariant v) {
        run(v, "server_table", t -> {
            int slot = v.hw.maxServers() - 1;
            assertAllZero(t.dut.cfgServer);
            t.write("SRV_INDEX", slot);
            t.write("SRV_MAC_LO", 0x3344_5566L);
            t.write("SRV_MAC_HI", 0x0211L);
            long cfg = 1L << 31 | 1L << 28 | 2L << 24 | 1L << 16 | 5;
            t.write("SRV_CFG", cfg);
            assertAllZero(t.dut.cfgServer);
            t.write("SRV_COMMIT", 1);
            BigInteger entry = ServerEntry.LAYOUT.pack(Map.of("valid", 1L, "mac", 0x0211_3344_5566L, "port", 1L,
                    "service", 2L, "state", 1L, "weight", 5L));
            assertEquals(entry, read(t.dut.cfgServer.get(slot)));
            assertAllZero(t.dut.cfgServer.subList(0, slot));
            assertEquals(0x3344_5566L, t.read("SRV_RD_MAC_LO"));
            assertEquals(0x0211L, t.read("SRV_RD_MAC_HI"));
            assertEquals(cfg, t.read("SRV_RD_CFG"));
        });
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void countersAddEventsAndAmountsCarryIntoHighAndClear(HardwareVariant v) {
        run(v, "counters", t -> {
            pulse(t, t.dut.counterInput("port", 0, "rx_packets").inc(), 5);
            assertEquals(5, t.read("PORT0_RX_PACKETS_LO"));
            assertEquals(0, t.read("PORT0_RX_PACKETS_HI"));

            // 65538 frames of 65535 bytes: 0x1_0000_FFFE bytes, past 2^32.
            int lastPort = v.hw.ports() - 1;
            CounterInput rxBytes = t.dut.counterInput("port", lastPort, "rx_bytes");
            write(rxBytes.amount().orElseThrow(), 0xFFFF);
            pulse(t, rxBytes.inc(), 65_538);
            assertEquals(0xFFFEL, t.read("PORT" + lastPort + "_RX_BYTES_LO"));
            assertEquals(1, t.read("PORT" + lastPort + "_RX_BYTES_HI"));

            int lastServer = v.hw.maxServers() - 1;
            pulse(t, t.dut.counterInput("server", lastServer, "new_flows").inc(), 3);
            assertEquals(3, t.read("SERVER" + lastServer + "_NEW_FLOWS_LO"));
            pulse(t, t.dut.counterInput("drop", -1, "filtered").inc(), 2);
            assertEquals(2, t.read("DROP_FILTERED_LO"));
            assertEquals(0, t.read("DROP_OVERSIZE_LO"), "only the pulsed counter moves");

            write(t.dut.statFlowOccupancy, 37);
            write(t.dut.statMacOccupancy, 12);
            t.clock.run(1);
            assertEquals(37, t.read("FLOW_OCCUPANCY"));
            assertEquals(12, t.read("MAC_OCCUPANCY"));

            t.write("STATS_CLEAR", 1);
            for (CounterDef c : t.map.counters()) {
                assertEquals(0, t.read(c.lo()), c.lo() + " after STATS_CLEAR");
                assertEquals(0, t.read(c.hi()), c.hi() + " after STATS_CLEAR");
            }
            assertEquals(37, t.read("FLOW_OCCUPANCY"), "occupancy is live, not a counter");
        });
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void uartReadsAndWritesTheSameRegisters(HardwareVariant v) {
        run(v, "uart_read_write", t -> {
            assertEquals(new UartResponse(UartStatus.OK, 0x11, (int) FLSW), t.uart(UartRequest.read(0x11, t.address("ID"))));
            int macLo = t.address("SWITCH_MAC_LO");
            assertEquals(new UartResponse(UartStatus.OK, 0x12, 0), t.uart(UartRequest.write(0x12, macLo, 0xDEADBEEF)));
            assertEquals(0xDEAD_BEEFL, t.read("SWITCH_MAC_LO"));
            assertEquals(new UartResponse(UartStatus.OK, 0x13, 0xDEADBEEF), t.uart(UartRequest.read(0x13, macLo)));
            assertEquals(0, t.uart.framingErrors());
        });
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void uartAnswersButDoesNotRunCorruptOrUnknownRequests(HardwareVariant v) {
        run(v, "uart_reject", t -> {
            int macLo = t.address("SWITCH_MAC_LO");
            t.write("SWITCH_MAC_LO", 0x0102_0304L);

            byte[] corrupt = UartRequest.write(0x21, macLo, 0xCAFEF00D).encode();
            corrupt[6] ^= 0x10; // one data bit flipped on the line
            assertEquals(new UartResponse(UartStatus.BAD_CRC, 0x21, 0), t.uartExchange(corrupt));
            assertEquals(0x0102_0304L, t.read("SWITCH_MAC_LO"), "a request with a bad CRC must not run");

            byte[] unknownOp = UartRequest.write(0x22, macLo, 0xCAFEF00D).encode();
            unknownOp[1] = 0x03;
            unknownOp[9] = (byte) Crc8.of(unknownOp, 1, 9);
            assertEquals(new UartResponse(UartStatus.BAD_OP, 0x22, 0), t.uartExchange(unknownOp));
            assertEquals(0x0102_0304L, t.read("SWITCH_MAC_LO"), "a request with an unknown op must not run");

            assertEquals(new UartResponse(UartStatus.BUS_ERROR, 0x23, 0), t.uart(UartRequest.read(0x23, 0xFFFC)));
            AxiLiteMaster.Op unmapped = t.axi.read(0xFFFC);
            t.clock.runUntil(unmapped::done, 100, () -> "AXI read of an unmapped address");
            assertEquals(ControlPlaneBench.SLVERR, unmapped.resp());
        });
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void uartSkipsNoiseAndDropsTruncatedFramesAfterTheGap(HardwareVariant v) {
        run(v, "uart_resync", t -> {
            int mask = t.address("UPLINK_MASK");
            byte[] good = UartRequest.write(0x31, mask, 1).encode();

            t.uart.send(new byte[] {0x00, 0x13, (byte) 0xFF}); // noise before any sync byte
            t.uart.send(Arrays.copyOf(good, 5));                // a frame cut short
            t.uart.pause(GAP_BYTES + 1.5);
            t.drainLine();
            t.expectUartSilence(2);
            assertEquals(new UartResponse(UartStatus.OK, 0x31, 0), t.uart(UartRequest.write(0x31, mask, 1)));
            assertEquals(1, t.read("UPLINK_MASK"));

            // A pause shorter than the limit inside a frame is tolerated.
            byte[] slow = UartRequest.write(0x32, mask, 2).encode();
            t.uart.send(Arrays.copyOf(slow, 4));
            t.uart.pause(GAP_BYTES - 1);
            assertEquals(new UartResponse(UartStatus.OK, 0x32, 0), t.uartExchange(Arrays.copyOfRange(slow, 4, slow.length)));
            assertEquals(2, t.read("UPLINK_MASK"));

            // Without a pause, a cut frame swallows the next one: the host sees a bad CRC, nothing runs,
            // and after a quiet line its retry goes through.
            t.uart.send(Arrays.copyOf(good, 5));
            UartResponse swallowed = t.uartExchange(UartRequest.write(0x33, mask, 3).encode());
            assertEquals(UartStatus.BAD_CRC, swallowed.status());
            t.uart.pause(GAP_BYTES + 1.5);
            t.drainLine();
            assertEquals(2, t.read("UPLINK_MASK"));
            assertEquals(0, t.uart.available());
            assertEquals(new UartResponse(UartStatus.OK, 0x34, 0), t.uart(UartRequest.write(0x34, mask, 3)));
            assertEquals(3, t.read("UPLINK_MASK"));
        });
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void axiAndUartShareTheRegistersAtOnce(HardwareVariant v) {
        run(v, "shared_bus", t -> {
            List<AxiLiteMaster.Op> reads = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                t.axi.write(t.address("SVC_VIP"), i);
                reads.add(t.axi.read(t.address("SVC_VIP")));
            }
            t.uart.send(UartRequest.write(0x41, t.address("SWITCH_MAC_LO"), 0x5A5A1234).encode());
            t.clock.runUntil(() -> t.uart.available() >= UartResponse.LENGTH, 5_000, () -> "the UART response");
            long uartDone = t.clock.cycle();
            assertEquals(new UartResponse(UartStatus.OK, 0x41, 0), UartResponse.decode(t.uart.take(UartResponse.LENGTH)));
            t.clock.runUntil(t.axi::idle, 10_000, () -> "600 AXI transactions");
            assertTrue(reads.get(0).completedAt() < uartDone && uartDone < reads.get(reads.size() - 1).completedAt(),
                    "the UART request ran while AXI traffic was under way");
            for (int i = 0; i < reads.size(); i++) assertEquals(i, reads.get(i).readData(), "AXI read " + i);
            assertEquals(0x5A5A_1234L, t.read("SWITCH_MAC_LO"));
        });
    }

    private static void pulse(ControlPlaneBench t, Bool inc, int cycles) {
        write(inc, true);
        t.clock.run(cycles);
        write(inc, false);
        t.clock.run(1);
    }

    private static void assertAllZero(List<Bits> slots) {
        for (int i = 0; i < slots.size(); i++) assertEquals(BigInteger.ZERO, read(slots.get(i)), "slot " + i);
    }
}
