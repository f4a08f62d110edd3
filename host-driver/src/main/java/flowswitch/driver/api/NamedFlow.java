package flowswitch.driver.api;

/** A flow table entry with the host-side names of its service and server slots. */
public record NamedFlow(FlowEntry entry, String service, String server) {
}
