package flowswitch.sim.pcap;

import java.io.IOException;

/** A pcap file that cannot be read; the message names the file, where in it, what is wrong and what to do. */
public final class PcapException extends IOException {
    private static final long serialVersionUID = 1L;

    public PcapException(String message) {
        super(message);
    }
}
