package flowswitch.config;

/** One entry of the hardware's flat server table: slot {@code index} holds {@code server} of service {@code serviceIndex}. */
public record ServerSlot(int index, int serviceIndex, ServerConfig server) {
}
