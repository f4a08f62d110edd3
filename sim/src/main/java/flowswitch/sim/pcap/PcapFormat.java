package flowswitch.sim.pcap;

/** Layout facts of the classic libpcap file format shared by the reader and the writer. */
final class PcapFormat {
    static final int GLOBAL_HEADER_BYTES = 24;
    static final int RECORD_HEADER_BYTES = 16;
    static final int VERSION_MAJOR = 2;
    static final int VERSION_MINOR = 4;
    static final int LINKTYPE_ETHERNET = 1;
    static final int WRITER_SNAPLEN = 65535;
    /** No Ethernet frame, even a jumbo one, comes near this; a larger length means a corrupt file. */
    static final int MAX_RECORD_BYTES = 256 * 1024;
    /** The first word of a pcapng file (Section Header Block type), the format tools often write by default. */
    static final int PCAPNG_MAGIC = 0x0a0d0d0a;
    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private PcapFormat() {
    }
}
