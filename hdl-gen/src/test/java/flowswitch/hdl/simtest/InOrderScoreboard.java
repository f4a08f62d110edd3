package flowswitch.hdl.simtest;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Expected items per key (for example per ingress/egress pair), each key's items in order. An actual item must
 * equal the oldest expected item of its key; anything else fails at once with both items, so the first
 * divergence is the one reported.
 */
public final class InOrderScoreboard<K, V> {
    private final String name;
    private final Map<K, ArrayDeque<V>> expected = new LinkedHashMap<>();
    private long matched;

    public InOrderScoreboard(String name) {
        this.name = name;
    }

    public void expect(K key, V item) {
        expected.computeIfAbsent(key, k -> new ArrayDeque<>()).add(Objects.requireNonNull(item));
    }

    /** @throws AssertionError when {@code item} is not the next one expected for {@code key} */
    public void actual(K key, V item) {
        ArrayDeque<V> queue = expected.get(key);
        if (queue == null || queue.isEmpty()) {
            throw new AssertionError(name + " " + key + ": nothing expected, got " + item);
        }
        V next = queue.peek();
        if (!next.equals(item)) {
            throw new AssertionError(name + " " + key + " item " + matched + ": expected " + next + ", got " + item);
        }
        queue.remove();
        matched++;
    }

    /** Items expected and not yet seen, over all keys. */
    public int pending() {
        return expected.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    public long matched() {
        return matched;
    }

    /** @throws AssertionError naming each key that still waits for items */
    public void assertEmpty() {
        StringBuilder missing = new StringBuilder();
        expected.forEach((key, queue) -> {
            if (!queue.isEmpty()) missing.append(' ').append(key).append(": ").append(queue.size()).append(" left, next ").append(queue.peek());
        });
        if (missing.length() > 0) throw new AssertionError(name + " still expects" + missing);
    }
}
