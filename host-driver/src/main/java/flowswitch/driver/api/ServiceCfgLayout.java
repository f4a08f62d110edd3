package flowswitch.driver.api;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerDownPolicy;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;
import java.util.Arrays;

/** The fields of SVC_CFG, and of SVC_RD_CFG which reads back in the same form. */
record ServiceCfgLayout(Field port, Field proto, Field scheduler, Field onServerDown, Field enable) {

    static ServiceCfgLayout of(Register register) {
        return new ServiceCfgLayout(register.field("port"), register.field("proto"), register.field("scheduler"),
                register.field("on_server_down"), register.field("enable"));
    }

    /** A disabled entry encodes as all zeros, so a disabled slot holds nothing stale. */
    int encode(ServiceEntry entry) {
        if (!entry.enabled()) {
            return 0;
        }
        int word = port.set(0, entry.port());
        word = proto.set(word, entry.protocol().number());
        word = scheduler.set(word, entry.scheduler().code());
        word = onServerDown.set(word, entry.onServerDown().code());
        return enable.set(word, 1);
    }

    boolean isEnabled(int word) {
        return enable.get(word) != 0;
    }

    /**
     * The enabled entry {@code word} holds (see {@link #isEnabled}).
     *
     * @throws IllegalArgumentException when the word holds a protocol or scheduler code this driver does not know
     */
    ServiceEntry decodeEnabled(int word, Ipv4Address vip) {
        Protocol protocol = ProtocolNumbers.decode((int) proto.get(word));
        int schedulerCode = (int) scheduler.get(word);
        Scheduler policy = Arrays.stream(Scheduler.values()).filter(s -> s.code() == schedulerCode).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("scheduler code " + schedulerCode
                        + " is not one this driver knows (" + Arrays.toString(Scheduler.values()) + ")"));
        ServerDownPolicy downPolicy = onServerDown.get(word) == ServerDownPolicy.DROP.code() ? ServerDownPolicy.DROP
                : ServerDownPolicy.REASSIGN;
        return new ServiceEntry(true, vip, protocol, (int) port.get(word), policy, downPolicy);
    }
}
