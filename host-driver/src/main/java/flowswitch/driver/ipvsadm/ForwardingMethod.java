package flowswitch.driver.ipvsadm;

/** How LVS forwards to a real server; the switch does direct routing only (it rewrites the MAC, never the IP). */
public enum ForwardingMethod {
    DIRECT_ROUTING("-g", "direct routing"),
    MASQUERADING("-m", "NAT (masquerading)"),
    TUNNELING("-i", "IP-in-IP tunnelling");

    private final String option;
    private final String description;

    ForwardingMethod(String option, String description) {
        this.option = option;
        this.description = description;
    }

    /** The ipvsadm option that selects it. */
    public String option() {
        return option;
    }

    public String description() {
        return description;
    }
}
