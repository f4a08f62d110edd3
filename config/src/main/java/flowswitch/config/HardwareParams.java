package flowswitch.config;

import static flowswitch.config.HardwareField.DATA_WIDTH;
import static flowswitch.config.HardwareField.FLOW_TABLE_SIZE;
import static flowswitch.config.HardwareField.MAC_TABLE_SIZE;
import static flowswitch.config.HardwareField.MAGLEV_TABLE_SIZE;
import static flowswitch.config.HardwareField.MAX_FRAME_BYTES;
import static flowswitch.config.HardwareField.MAX_ROUTERS;
import static flowswitch.config.HardwareField.MAX_SERVERS;
import static flowswitch.config.HardwareField.MAX_SERVICES;
import static flowswitch.config.HardwareField.PORTS;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * Build-time parameters of one hardware instance. Everything else in a {@link SwitchConfig} is loaded into the
 * device through registers at run time, so two configs with equal HardwareParams run on the same bitstream.
 */
public record HardwareParams(int dataWidth, int ports, int maxServers, int maxServices, int flowTableSize,
                             int macTableSize, int maxFrameBytes, int maglevTableSize, int maxRouters) {
    /** Maglev wants at least this many table entries per server for shares within about 1% of the weights. */
    public static final int MAGLEV_ENTRIES_PER_SERVER = 100;
    /** MH_LOAD's row field is 16 bits and a row holds at least 4 entries; the largest prime below 2^16 keeps it simple. */
    public static final int MAGLEV_MAX_TABLE_SIZE = 65521;
    /** Enough for a pair of redundant routers on each of two uplinks; the table is a small CAM. */
    public static final int DEFAULT_MAX_ROUTERS = 4;

    /** @throws IllegalArgumentException naming the field (YAML spelling) and the allowed values */
    public HardwareParams {
        Rules.oneOf(DATA_WIDTH.key(), dataWidth, 64, 256);
        Rules.range(PORTS.key(), ports, 2, 16);
        Rules.powerOfTwo(MAX_SERVERS.key(), maxServers, 2, 256);
        Rules.range(MAX_SERVICES.key(), maxServices, 1, 16);
        // A hash table in block RAM: 256K entries of ~110 bits is 28 Mbit, what the largest supported part (SUME's
        // XC7VX690T, 52 Mbit) holds beside the frame buffers.
        Rules.powerOfTwo(FLOW_TABLE_SIZE.key(), flowTableSize, 16, 262144);
        Rules.powerOfTwo(MAC_TABLE_SIZE.key(), macTableSize, 4, 1024);
        Rules.range(MAX_FRAME_BYTES.key(), maxFrameBytes, 64, 16384);
        int beatBytes = dataWidth / 8;
        if (maxFrameBytes % beatBytes != 0) {
            // The frame buffer is addressed in whole beats.
            throw new FieldException(MAX_FRAME_BYTES.key(), maxFrameBytes + " is not a multiple of " + beatBytes
                    + " (data_width / 8); round it to a whole number of " + beatBytes + "-byte beats");
        }
        int leastMaglev = MAGLEV_ENTRIES_PER_SERVER * maxServers;
        if (maglevTableSize < leastMaglev || maglevTableSize > MAGLEV_MAX_TABLE_SIZE || !Primes.isPrime(maglevTableSize)) {
            throw new FieldException(MAGLEV_TABLE_SIZE.key(), maglevTableSize + " is not allowed; expected a prime in "
                    + leastMaglev + ".." + MAGLEV_MAX_TABLE_SIZE + " (" + MAGLEV_ENTRIES_PER_SERVER + " entries per"
                    + " server of max_servers " + maxServers + "), such as " + defaultMaglevTableSize(maxServers));
        }
        // A power of two, so the router pick's "hash mod max_routers" is a bit slice in hardware.
        Rules.powerOfTwo(MAX_ROUTERS.key(), maxRouters, 1, 16);
    }

    /**
     * With the Maglev table size that follows {@code maxServers} ({@link #defaultMaglevTableSize}) and
     * {@value #DEFAULT_MAX_ROUTERS} router slots.
     */
    public HardwareParams(int dataWidth, int ports, int maxServers, int maxServices, int flowTableSize,
                          int macTableSize, int maxFrameBytes) {
        this(dataWidth, ports, maxServers, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                defaultMaglevTableSize(maxServers), DEFAULT_MAX_ROUTERS);
    }

    /** The smallest prime with 100 entries per server slot: 1601 for 16 slots, 401 for 4. */
    public static int defaultMaglevTableSize(int maxServers) {
        return Primes.atLeast(MAGLEV_ENTRIES_PER_SERVER * maxServers);
    }

    public static HardwareParams defaults() {
        return new HardwareParams(64, 4, 16, 4, 64, 64, 2048);
    }

    /** Builds from one value per component; how the parser assembles the parameters it read. */
    static HardwareParams of(ToIntFunction<HardwareField> value) {
        return new HardwareParams(value.applyAsInt(DATA_WIDTH), value.applyAsInt(PORTS),
                value.applyAsInt(MAX_SERVERS), value.applyAsInt(MAX_SERVICES), value.applyAsInt(FLOW_TABLE_SIZE),
                value.applyAsInt(MAC_TABLE_SIZE), value.applyAsInt(MAX_FRAME_BYTES), value.applyAsInt(MAGLEV_TABLE_SIZE),
                value.applyAsInt(MAX_ROUTERS));
    }

    public HardwareParams withDataWidth(int value) {
        return new HardwareParams(value, ports, maxServers, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                maglevTableSize, maxRouters);
    }

    public HardwareParams withPorts(int value) {
        return new HardwareParams(dataWidth, value, maxServers, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                maglevTableSize, maxRouters);
    }

    /** Also sets the Maglev table size to the one that follows the new count ({@link #defaultMaglevTableSize}). */
    public HardwareParams withMaxServers(int value) {
        return new HardwareParams(dataWidth, ports, value, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                defaultMaglevTableSize(value), maxRouters);
    }

    public HardwareParams withMaglevTableSize(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                value, maxRouters);
    }

    public HardwareParams withMaxServices(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, value, flowTableSize, macTableSize, maxFrameBytes,
                maglevTableSize, maxRouters);
    }

    public HardwareParams withFlowTableSize(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, maxServices, value, macTableSize, maxFrameBytes,
                maglevTableSize, maxRouters);
    }

    public HardwareParams withMacTableSize(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, maxServices, flowTableSize, value, maxFrameBytes,
                maglevTableSize, maxRouters);
    }

    public HardwareParams withMaxFrameBytes(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, maxServices, flowTableSize, macTableSize, value,
                maglevTableSize, maxRouters);
    }

    public HardwareParams withMaxRouters(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                maglevTableSize, value);
    }

    public int bytesPerBeat() {
        return dataWidth / 8;
    }

    /** {@code data_width=64;ports=4;...}: every component in declaration order; the input of {@link #buildHash()}. */
    public String canonicalText() {
        return Arrays.stream(HardwareField.values())
                .map(f -> f.key() + "=" + f.get(this))
                .collect(Collectors.joining(";"));
    }

    /**
     * CRC32 of {@link #canonicalText()}. The device reports it in its BUILD register and drivers refuse a device
     * whose hash differs from their config's, so neither the text nor the algorithm may ever change: every
     * deployed bitstream would start looking mismatched.
     */
    public int buildHash() {
        CRC32 crc = new CRC32();
        crc.update(canonicalText().getBytes(StandardCharsets.US_ASCII));
        return (int) crc.getValue();
    }
}
