package flowswitch.driver.ipvsadm;

import java.util.List;

/** The rules of an ipvsadm-save file, in file order. */
public record IpvsRules(List<IpvsService> services, List<IpvsRealServer> servers) {
    public IpvsRules {
        services = List.copyOf(services);
        servers = List.copyOf(servers);
    }
}
