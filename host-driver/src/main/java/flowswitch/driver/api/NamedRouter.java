package flowswitch.driver.api;

/** A router slot with its host-side name. */
public record NamedRouter(int slot, String name, RouterEntry entry) {
}
