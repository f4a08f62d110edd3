package flowswitch.driver.fake;

import flowswitch.driver.api.FlowKey;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The flow table behind the FLOW_* command registers of a {@link FakeFlowSwitch}, as docs/register-map.md "Flow
 * table access" describes them: FLOW_LOCATIONS slots, of which those from flow_table_size on count as the stash;
 * a command keeps FLOW_STATUS.busy set for a few reads and only then shows its outcome (found, fail) and results
 * (FLOW_RESULT_*), which keep the previous command's values until then; a flush keeps flush_busy set for a few
 * reads. Where a real table puts an entry depends on hashes; here a new one takes the lowest free location. Keys
 * and results are read and written through the map's fields, by name.
 */
public final class FakeFlowTable {
    /** What an entry holds, each part as the register fields of the same name hold it. */
    public record Entry(long ip, long clientPort, long vipPort, long proto, long service, long server, long kind,
                        long idle) {
        Entry withServer(long newServer) {
            return new Entry(ip, clientPort, vipPort, proto, service, newServer, kind, 0);
        }

        boolean sameKey(Entry other) {
            return ip == other.ip && clientPort == other.clientPort && vipPort == other.vipPort
                    && proto == other.proto && service == other.service;
        }
    }

    /** The FLOW_STATUS bits and FLOW_RESULT_* words a finished command leaves. */
    private record Outcome(boolean found, boolean fail, long location, Entry entry) {
    }

    private static final long PROTO_UDP = 17;
    private static final long KIND_TCP = 0;
    private static final long KIND_UDP = 2;

    private final RegisterMap map;
    private final Entry[] locations;
    private final int rows;
    private int busyReads = 2;
    private boolean hung;
    private int busyLeft;
    private int flushBusyLeft;
    private Outcome pending;
    private Outcome shown = new Outcome(false, false, 0, null);
    private int commands;
    private int flushes;
    private int statusReads;

    FakeFlowTable(RegisterMap map) {
        this.map = map;
        locations = new Entry[(int) map.register("FLOW_LOCATIONS").reset()];
        rows = map.hardware().flowTableSize();
    }

    /** Reads of FLOW_STATUS that show busy after each command (and flush_busy after each flush). */
    public synchronized void setBusyReads(int reads) {
        busyReads = reads;
    }

    /** From now on no command or flush ever finishes: busy and flush_busy stay set. */
    public synchronized void hang() {
        hung = true;
    }

    /** Puts an entry at {@code location}, as the datapath would on a connection's first frame. */
    public synchronized void put(int location, Entry entry) {
        locations[location] = Objects.requireNonNull(entry);
    }

    /** Puts {@code flows} TCP connections of service slot 0 to server slot 0 in the lowest free locations. */
    public synchronized void fill(int flows) {
        for (int n = 0, at = 0; n < flows; at++) {
            if (locations[at] == null) {
                locations[at] = new Entry(0x0A000000L + n, 1024 + n, 80, 6, 0, 0, KIND_TCP, 0);
                n++;
            }
        }
    }

    /** An entry for {@code key} pinned to {@code server}, of {@code kind}, idle for {@code idleTicks}. */
    public static Entry entry(FlowKey key, int server, int kind, int idleTicks) {
        return new Entry(Integer.toUnsignedLong(key.client().value()), key.clientPort(), key.vipPort(),
                key.protocol().number(), key.service(), server, kind, idleTicks);
    }

    public synchronized Entry at(int location) {
        return locations[location];
    }

    public synchronized int size() {
        return (int) Arrays.stream(locations).filter(Objects::nonNull).count();
    }

    /** Commands started through FLOW_CMD so far. */
    public synchronized int commands() {
        return commands;
    }

    public synchronized int flushes() {
        return flushes;
    }

    public synchronized int statusReads() {
        return statusReads;
    }

    synchronized int stashOccupancy() {
        return (int) Arrays.stream(locations, rows, locations.length).filter(Objects::nonNull).count();
    }

    /** Each read counts down the busy reads left, as a command or flush runs on. */
    synchronized int status() {
        statusReads++;
        Register status = map.register("FLOW_STATUS");
        int word = status.field("found").set(0, shown.found() ? 1 : 0);
        word = status.field("fail").set(word, shown.fail() ? 1 : 0);
        if (busyLeft > 0) {
            word = status.field("busy").set(word, 1);
            busyLeft -= hung ? 0 : 1;
            if (busyLeft == 0) {
                shown = pending;
            }
        }
        if (flushBusyLeft > 0) {
            word = status.field("flush_busy").set(word, 1);
            flushBusyLeft -= hung ? 0 : 1;
        }
        return word;
    }

    synchronized int result(Register r) {
        Entry e = shown.entry();
        return switch (r.name()) {
            case "FLOW_RESULT_LOCATION" -> word(r, Map.of("value", shown.location()));
            case "FLOW_RESULT_IDLE" -> e == null ? 0 : word(r, Map.of("value", e.idle()));
            case "FLOW_RESULT_ENTRY" -> e == null ? 0
                    : word(r, Map.of("server", e.server(), "kind", e.kind(), "valid", 1L));
            case "FLOW_RESULT_KEY_IP" -> e == null ? 0 : word(r, Map.of("value", e.ip()));
            case "FLOW_RESULT_KEY_PORTS" -> e == null ? 0
                    : word(r, Map.of("client_port", e.clientPort(), "vip_port", e.vipPort()));
            case "FLOW_RESULT_KEY_PROTO" -> e == null ? 0 : word(r, Map.of("proto", e.proto(), "service", e.service()));
            default -> throw new IllegalStateException(r.name() + " is not a result register");
        };
    }

    /** A write to FLOW_CMD; {@code words} reads the RW registers as last written. */
    synchronized void command(int value, Function<String, Integer> words) {
        Register cmd = map.register("FLOW_CMD");
        String[] set = cmd.fields().stream().filter(f -> f.get(value) != 0).map(Field::name).toArray(String[]::new);
        if (set.length != 1) {
            throw new IllegalStateException("FLOW_CMD written with bits " + Arrays.toString(set) + "; a command is"
                    + " one bit");
        }
        if (busyLeft > 0) {
            throw new IllegalStateException("FLOW_CMD." + set[0] + " written while a command is busy");
        }
        commands++;
        Entry key = key(words);
        pending = switch (set[0]) {
            case "read" -> read(field(words, "FLOW_LOCATION", "value"));
            case "lookup" -> lookup(key);
            case "insert" -> insert(key, field(words, "FLOW_SERVER", "value"));
            case "delete" -> delete(key);
            default -> throw new IllegalStateException("the fake has no behaviour for FLOW_CMD." + set[0]);
        };
        busyLeft = busyReads;
        if (busyLeft == 0) {
            shown = pending;
        }
    }

    synchronized void flush() {
        Arrays.fill(locations, null);
        flushes++;
        flushBusyLeft = busyReads;
    }

    private Outcome read(long location) {
        Entry e = location < locations.length ? locations[(int) location] : null;
        return new Outcome(e != null, false, location, e);
    }

    private Outcome lookup(Entry key) {
        int at = find(key);
        return at < 0 ? new Outcome(false, false, 0, null) : new Outcome(true, false, at, locations[at]);
    }

    private Outcome insert(Entry key, long server) {
        int at = find(key);
        if (at >= 0) {
            locations[at] = locations[at].withServer(server);
            return new Outcome(true, false, at, locations[at]);
        }
        for (int free = 0; free < locations.length; free++) {
            if (locations[free] == null) {
                long kind = key.proto() == PROTO_UDP ? KIND_UDP : KIND_TCP;
                locations[free] = new Entry(key.ip(), key.clientPort(), key.vipPort(), key.proto(), key.service(),
                        server, kind, 0);
                return new Outcome(false, false, free, locations[free]);
            }
        }
        return new Outcome(false, true, 0, null);
    }

    private Outcome delete(Entry key) {
        int at = find(key);
        if (at < 0) {
            return new Outcome(false, false, 0, null);
        }
        Entry was = locations[at];
        locations[at] = null;
        return new Outcome(true, false, at, was);
    }

    private int find(Entry key) {
        for (int at = 0; at < locations.length; at++) {
            if (locations[at] != null && locations[at].sameKey(key)) {
                return at;
            }
        }
        return -1;
    }

    private Entry key(Function<String, Integer> words) {
        return new Entry(field(words, "FLOW_KEY_IP", "value"), field(words, "FLOW_KEY_PORTS", "client_port"),
                field(words, "FLOW_KEY_PORTS", "vip_port"), field(words, "FLOW_KEY_PROTO", "proto"),
                field(words, "FLOW_KEY_PROTO", "service"), 0, 0, 0);
    }

    private long field(Function<String, Integer> words, String register, String field) {
        return map.field(register, field).get(words.apply(register));
    }

    private static int word(Register r, Map<String, Long> values) {
        int word = 0;
        for (Map.Entry<String, Long> v : values.entrySet()) {
            word = r.field(v.getKey()).set(word, v.getValue());
        }
        return word;
    }
}
