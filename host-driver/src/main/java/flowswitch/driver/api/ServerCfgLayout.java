package flowswitch.driver.api;

import flowswitch.config.MacAddress;
import flowswitch.config.ServerState;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;

/** The fields of SRV_CFG, and of SRV_RD_CFG which reads back in the same form. */
record ServerCfgLayout(Field weight, Field port, Field service, Field state, Field valid) {

    static ServerCfgLayout of(Register register) {
        return new ServerCfgLayout(register.field("weight"), register.field("port"), register.field("service"),
                register.field("state"), register.field("valid"));
    }

    /** An invalid entry encodes as all zeros, so an emptied slot holds nothing stale. */
    int encode(ServerEntry entry) {
        if (!entry.valid()) {
            return 0;
        }
        int word = weight.set(0, entry.weight());
        word = port.set(word, entry.port());
        word = service.set(word, entry.service());
        word = state.set(word, entry.state().code());
        return valid.set(word, 1);
    }

    boolean isValid(int word) {
        return valid.get(word) != 0;
    }

    /**
     * The valid entry {@code word} holds (see {@link #isValid}).
     *
     * @throws IllegalArgumentException when the word holds a state code no {@link ServerState} has
     */
    ServerEntry decodeValid(int word, MacAddress mac) {
        return new ServerEntry(true, (int) service.get(word), mac, (int) port.get(word), (int) weight.get(word),
                ServerState.fromCode((int) state.get(word)));
    }
}
