package flowswitch.driver.fake;

import flowswitch.driver.regmap.Access;
import flowswitch.driver.regmap.Counter;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test double of the flowswitch register block, built from a register map: RW registers hold what is written,
 * RO registers read their reset value unless they show device state, W1P registers read 0 and act on a 1. The
 * tables behave as docs/register-map.md says: SVC_, SRV_ and RTR_ staging registers are copied into slot
 * {@code *_INDEX} on COMMIT and read back through the *_RD_ registers; the flow table is a {@link FakeFlowTable}
 * behind the FLOW_* registers. Every write is logged.
 */
public final class FakeFlowSwitch implements RegisterBus {
    /** One bus write, as the fake saw it. */
    public record Write(String register, int value) {
    }

    private final RegisterMap map;
    private final Map<Integer, Register> byAddress = new HashMap<>();
    private final Map<String, Integer> words = new HashMap<>();
    private final Map<Counter, Long> counters = new HashMap<>();
    private final int[][] serviceSlots;
    private final int[][] serverSlots;
    private final int[][] routerSlots;
    private final List<Write> writes = new ArrayList<>();
    private Counter ticking;
    private long tickStep;
    private final FakeFlowTable flows;
    private int macOccupancy;
    private boolean closed;

    public FakeFlowSwitch(RegisterMap map) {
        this.map = map;
        for (Register r : map.registers()) {
            byAddress.put(r.address(), r);
            words.put(r.name(), (int) r.reset());
        }
        map.counters().forEach(c -> counters.put(c, 0L));
        serviceSlots = new int[map.hardware().maxServices()][2];
        serverSlots = new int[map.hardware().maxServers()][3];
        routerSlots = new int[map.hardware().maxRouters()][3];
        flows = new FakeFlowTable(map);
    }

    @Override
    public synchronized int read(int address) {
        Register r = register(address, "read");
        int value = readRegister(r);
        if (ticking != null && (ticking.lo().equals(r) || ticking.hi().equals(r))) {
            counters.merge(ticking, tickStep, Long::sum);
        }
        return value;
    }

    private int readRegister(Register r) {
        if (r.access() == Access.W1P) {
            return 0;
        }
        return switch (r.name()) {
            case "SVC_RD_VIP" -> serviceSlots[index("SVC_INDEX")][0];
            case "SVC_RD_CFG" -> serviceSlots[index("SVC_INDEX")][1];
            case "SRV_RD_MAC_LO" -> serverSlots[index("SRV_INDEX")][0];
            case "SRV_RD_MAC_HI" -> serverSlots[index("SRV_INDEX")][1];
            case "SRV_RD_CFG" -> serverSlots[index("SRV_INDEX")][2];
            case "RTR_RD_MAC_LO" -> routerSlots[index("RTR_INDEX")][0];
            case "RTR_RD_MAC_HI" -> routerSlots[index("RTR_INDEX")][1];
            case "RTR_RD_CFG" -> routerSlots[index("RTR_INDEX")][2];
            case "FLOW_OCCUPANCY" -> flows.size();
            case "FLOW_STASH_OCCUPANCY" -> flows.stashOccupancy();
            case "FLOW_STATUS" -> flows.status();
            case "FLOW_RESULT_LOCATION", "FLOW_RESULT_KEY_IP", "FLOW_RESULT_KEY_PORTS", "FLOW_RESULT_KEY_PROTO",
                    "FLOW_RESULT_ENTRY", "FLOW_RESULT_IDLE" -> flows.result(r);
            case "MAC_OCCUPANCY" -> macOccupancy;
            default -> counterHalf(r).orElse(words.get(r.name()));
        };
    }

    @Override
    public synchronized void write(int address, int value) {
        Register r = register(address, "write");
        writes.add(new Write(r.name(), value));
        switch (r.access()) {
            case RO -> { }
            case RW -> words.put(r.name(), value);
            case W1P -> pulse(r, value);
        }
    }

    @Override
    public String device() {
        return "fake";
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean closed() {
        return closed;
    }

    /** Every write so far, in order. */
    public synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    /** Overrides what a register reads, e.g. an ID or BUILD of another device. */
    public synchronized void setRegister(String name, int value) {
        words.put(map.register(name).name(), value);
    }

    public synchronized void setCounter(Counter counter, long value) {
        counters.put(counter, value);
    }

    public synchronized long counter(Counter counter) {
        return counters.get(counter);
    }

    /** From now on each read of either half of {@code counter} adds {@code step} to it, as traffic would. */
    public synchronized void tickAfterEachRead(Counter counter, long step) {
        ticking = counter;
        tickStep = step;
    }

    public synchronized void setMacOccupancy(int macs) {
        macOccupancy = macs;
    }

    /** The flow table: entries to seed as traffic would, and how the command registers behave. */
    public FakeFlowTable flows() {
        return flows;
    }

    private void pulse(Register r, int value) {
        if (r.fields().stream().allMatch(f -> f.get(value) == 0)) {
            return;
        }
        switch (r.name()) {
            case "SVC_COMMIT" -> serviceSlots[index("SVC_INDEX")] =
                    new int[] {words.get("SVC_VIP"), words.get("SVC_CFG")};
            case "SRV_COMMIT" -> serverSlots[index("SRV_INDEX")] =
                    new int[] {words.get("SRV_MAC_LO"), words.get("SRV_MAC_HI"), words.get("SRV_CFG")};
            case "RTR_COMMIT" -> routerSlots[index("RTR_INDEX")] =
                    new int[] {words.get("RTR_MAC_LO"), words.get("RTR_MAC_HI"), words.get("RTR_CFG")};
            case "STATS_CLEAR" -> counters.replaceAll((c, v) -> 0L);
            case "FLOW_FLUSH" -> flows.flush();
            case "FLOW_CMD" -> flows.command(value, words::get);
            // The fake keeps no Maglev tables: tests read what the host wrote from the MH_DATA writes.
            case "MH_COMMIT" -> { }
            default -> throw new IllegalStateException("the fake has no behaviour for " + r.name());
        }
    }

    private int index(String indexRegister) {
        return (int) map.field(indexRegister, "value").get(words.get(indexRegister));
    }

    private Optional<Integer> counterHalf(Register r) {
        for (Map.Entry<Counter, Long> e : counters.entrySet()) {
            if (e.getKey().lo().equals(r)) {
                return Optional.of((int) (long) e.getValue());
            }
            if (e.getKey().hi().equals(r)) {
                return Optional.of((int) (e.getValue() >>> 32));
            }
        }
        return Optional.empty();
    }

    private Register register(int address, String operation) {
        Register r = byAddress.get(address);
        if (r == null) {
            throw new DeviceException(device(), operation + " 0x" + Integer.toHexString(address),
                    "no register at this address");
        }
        return r;
    }
}
