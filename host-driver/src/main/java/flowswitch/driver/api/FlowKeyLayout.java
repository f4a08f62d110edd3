package flowswitch.driver.api;

import flowswitch.config.Ipv4Address;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.RegisterBus;

/** A flow key in three registers: FLOW_KEY_* (the command's key) and FLOW_RESULT_KEY_* (an entry's) alike. */
record FlowKeyLayout(Register ip, Field ipValue, Register ports, Field clientPort, Field vipPort, Register proto,
                     Field protocol, Field service) {

    /** @param prefix {@code FLOW_KEY} or {@code FLOW_RESULT_KEY} */
    static FlowKeyLayout of(RegisterMap map, String prefix) {
        Register ip = map.register(prefix + "_IP");
        Register ports = map.register(prefix + "_PORTS");
        Register proto = map.register(prefix + "_PROTO");
        return new FlowKeyLayout(ip, ip.field("value"), ports, ports.field("client_port"), ports.field("vip_port"),
                proto, proto.field("proto"), proto.field("service"));
    }

    /** @throws IllegalArgumentException when the key's service slot does not fit the register */
    void check(FlowKey key) {
        Limits.fits("service slot", key.service(), service);
    }

    void write(RegisterBus bus, FlowKey key) {
        bus.write(ip.address(), ipValue.set(0, Integer.toUnsignedLong(key.client().value())));
        bus.write(ports.address(), vipPort.set(clientPort.set(0, key.clientPort()), key.vipPort()));
        bus.write(proto.address(), service.set(protocol.set(0, key.protocol().number()), key.service()));
    }

    /** @throws IllegalArgumentException when the registers hold a protocol this driver does not know */
    FlowKey read(RegisterBus bus) {
        Ipv4Address client = new Ipv4Address((int) ipValue.get(bus.read(ip.address())));
        int portsWord = bus.read(ports.address());
        int protoWord = bus.read(proto.address());
        return new FlowKey((int) service.get(protoWord), client, (int) clientPort.get(portsWord),
                (int) vipPort.get(portsWord), ProtocolNumbers.decode((int) protocol.get(protoWord)));
    }
}
