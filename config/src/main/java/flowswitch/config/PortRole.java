package flowswitch.config;

/** What is attached to a switch port: the routers (uplink) or servers of the cluster. */
public enum PortRole {
    UPLINK,
    SERVER
}
