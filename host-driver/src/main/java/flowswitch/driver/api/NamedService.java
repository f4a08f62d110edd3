package flowswitch.driver.api;

/** An enabled service slot with its host-side name and the number of servers it holds. */
public record NamedService(int slot, String name, ServiceEntry entry, int servers) {
}
