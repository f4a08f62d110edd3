package flowswitch.config;

/** The layer-4 protocol a service listens on, with its IPv4 protocol number. */
public enum Protocol {
    TCP(6),
    UDP(17);

    private final int number;

    Protocol(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
