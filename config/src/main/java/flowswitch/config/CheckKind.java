package flowswitch.config;

/** How a health check probes a server: the {@code check:} key of a service's {@code health:} block. */
public enum CheckKind {
    /** ICMP echo: the host answers. */
    ICMP,
    /** A TCP connection to the check port is accepted. */
    TCP,
    /** An HTTP GET of the check path answers with the expected status. */
    HTTP
}
