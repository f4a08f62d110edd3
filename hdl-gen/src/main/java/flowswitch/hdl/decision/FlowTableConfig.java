package flowswitch.hdl.decision;

/**
 * @param entries    connections held (a fully associative CAM in registers; a power of two)
 * @param keyWidth   bits of a {@link FlowKey}
 * @param valueWidth bits stored per connection (the server slot)
 */
public record FlowTableConfig(int entries, int keyWidth, int valueWidth) {
    public FlowTableConfig {
        if (entries < 2 || entries > 1024 || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("entries must be a power of two in 2..1024, got " + entries);
        }
        if (keyWidth < 1) throw new IllegalArgumentException("keyWidth must be positive, got " + keyWidth);
        if (valueWidth < 1) throw new IllegalArgumentException("valueWidth must be positive, got " + valueWidth);
    }

    public static FlowTableConfig defaults() {
        return new FlowTableConfig(64, FlowKey.layout(2).width(), 4);
    }

    public int indexWidth() {
        return Integer.numberOfTrailingZeros(entries);
    }
}
