package flowswitch.driver.api;

/** A valid server slot with its host-side name and the name of its service ({@code entry.service()} is the slot). */
public record NamedServer(int slot, String name, String service, ServerEntry entry) {
}
