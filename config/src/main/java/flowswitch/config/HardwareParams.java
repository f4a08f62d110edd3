package flowswitch.config;

import static flowswitch.config.HardwareField.DATA_WIDTH;
import static flowswitch.config.HardwareField.FLOW_TABLE_SIZE;
import static flowswitch.config.HardwareField.MAC_TABLE_SIZE;
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
                             int macTableSize, int maxFrameBytes, int maxRouters) {
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
        // A power of two, so the router pick's "hash mod max_routers" is a bit slice in hardware.
        Rules.powerOfTwo(MAX_ROUTERS.key(), maxRouters, 1, 16);
    }

    /** With {@value #DEFAULT_MAX_ROUTERS} router slots. */
    public HardwareParams(int dataWidth, int ports, int maxServers, int maxServices, int flowTableSize,
                          int macTableSize, int maxFrameBytes) {
        this(dataWidth, ports, maxServers, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                DEFAULT_MAX_ROUTERS);
    }

    public static HardwareParams defaults() {
        return new HardwareParams(64, 4, 16, 4, 64, 64, 2048);
    }

    /** Builds from one value per component; how the parser assembles the parameters it read. */
    static HardwareParams of(ToIntFunction<HardwareField> value) {
        return new HardwareParams(value.applyAsInt(DATA_WIDTH), value.applyAsInt(PORTS),
                value.applyAsInt(MAX_SERVERS), value.applyAsInt(MAX_SERVICES), value.applyAsInt(FLOW_TABLE_SIZE),
                value.applyAsInt(MAC_TABLE_SIZE), value.applyAsInt(MAX_FRAME_BYTES),
                value.applyAsInt(MAX_ROUTERS));
    }

    public HardwareParams withDataWidth(int value) {
        return new HardwareParams(value, ports, maxServers, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                maxRouters);
    }

    public HardwareParams withPorts(int value) {
        return new HardwareParams(dataWidth, value, maxServers, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                maxRouters);
    }

    public HardwareParams withMaxServers(int value) {
        return new HardwareParams(dataWidth, ports, value, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                maxRouters);
    }

    public HardwareParams withMaxServices(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, value, flowTableSize, macTableSize, maxFrameBytes,
                maxRouters);
    }

    public HardwareParams withFlowTableSize(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, maxServices, value, macTableSize, maxFrameBytes,
                maxRouters);
    }

    public HardwareParams withMacTableSize(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, maxServices, flowTableSize, value, maxFrameBytes,
                maxRouters);
    }

    public HardwareParams withMaxFrameBytes(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, maxServices, flowTableSize, macTableSize, value,
                maxRouters);
    }

    public HardwareParams withMaxRouters(int value) {
        return new HardwareParams(dataWidth, ports, maxServers, maxServices, flowTableSize, macTableSize, maxFrameBytes,
                value);
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
