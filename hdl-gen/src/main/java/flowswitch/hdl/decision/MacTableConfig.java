package flowswitch.hdl.decision;

/**
 * @param entries MAC addresses remembered (a power of two; when full, entries are replaced in turn)
 * @param ports   switch ports (the width of a remembered port)
 */
public record MacTableConfig(int entries, int ports) {
    public MacTableConfig {
        if (entries < 2 || entries > 1024 || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("entries must be a power of two in 2..1024, got " + entries);
        }
        if (ports < 2 || ports > 16) throw new IllegalArgumentException("ports must be 2..16, got " + ports);
    }

    public static MacTableConfig defaults() {
        return new MacTableConfig(64, 4);
    }

    public int indexWidth() {
        return Integer.numberOfTrailingZeros(entries);
    }

    public int portWidth() {
        return flowswitch.hdl.dsl.Hw.log2Up(ports);
    }
}
