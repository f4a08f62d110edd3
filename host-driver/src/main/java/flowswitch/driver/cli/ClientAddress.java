package flowswitch.driver.cli;

import flowswitch.config.Ipv4Address;

/** A client's address and port, as {@code --client IP:PORT} gives them. */
record ClientAddress(Ipv4Address ip, int port) {
}
