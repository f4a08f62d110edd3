package flowswitch.config;

import java.util.function.ToIntFunction;

/**
 * The components of {@link HardwareParams} in their canonical order, with their YAML keys. The parser, the
 * writer and the build hash all walk this one list, so a new parameter cannot be left out of any of them.
 */
enum HardwareField {
    DATA_WIDTH("data_width", HardwareParams::dataWidth),
    PORTS("ports", HardwareParams::ports),
    MAX_SERVERS("max_servers", HardwareParams::maxServers),
    MAX_SERVICES("max_services", HardwareParams::maxServices),
    FLOW_TABLE_SIZE("flow_table_size", HardwareParams::flowTableSize),
    MAC_TABLE_SIZE("mac_table_size", HardwareParams::macTableSize),
    MAX_FRAME_BYTES("max_frame_bytes", HardwareParams::maxFrameBytes),
    MAGLEV_TABLE_SIZE("maglev_table_size", HardwareParams::maglevTableSize),
    MAX_ROUTERS("max_routers", HardwareParams::maxRouters);

    private final String key;
    private final ToIntFunction<HardwareParams> getter;

    HardwareField(String key, ToIntFunction<HardwareParams> getter) {
        this.key = key;
        this.getter = getter;
    }

    String key() {
        return key;
    }

    int get(HardwareParams params) {
        return getter.applyAsInt(params);
    }
}
