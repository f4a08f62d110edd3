package flowswitch.driver.maglev;

import flowswitch.config.Primes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The lookup table of Maglev consistent hashing (Eisenbud et al., "Maglev: A Fast and Reliable Software Network
 * Load Balancer", NSDI 2016): entry {@code hash mod size} names the backend of a flow. Each backend walks its own
 * permutation of the entries (offset and skip from two hashes of its name) and, taking turns, claims the next
 * entry of it not yet taken, until all are. Weighted turns: a backend's turns come in proportion to its weight
 * (weight 0 gets none), so its share of entries, and of flows, is its share of the weights.
 *
 * <p>The size is prime, so every skip walks all entries, and at least {@value #ENTRIES_PER_BACKEND} per backend,
 * which keeps each share within about 1% of its weight share and limits how many entries move when the pool changes.
 */
public final class MaglevTable {
    public static final int ENTRIES_PER_BACKEND = 100;
    /** The entries are held in memory, and in hardware in block RAM: 2^24 is far beyond either. */
    public static final int MAX_SIZE = 1 << 24;

    private final List<Backend> backends;
    private final int[] entries;

    /**
     * A backend as the table knows it: a name, which places its permutation, and a weight.
     *
     * @param weight 0..65535, as a server's weight; 0 gets no entries
     */
    public record Backend(String name, int weight) {
        public Backend {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a backend's name is empty; its name places it in the table");
            }
            if (weight < 0 || weight > 65535) {
                throw new IllegalArgumentException("backend '" + name + "': weight " + weight + " is out of range;"
                        + " expected 0..65535");
            }
        }
    }

    private MaglevTable(List<Backend> backends, int[] entries) {
        this.backends = backends;
        this.entries = entries;
    }

    /** The table of {@code backends} in the smallest prime size of at least 100 entries per backend. */
    public static MaglevTable build(List<Backend> backends) {
        long wanted = (long) ENTRIES_PER_BACKEND * Math.max(1, backends.size());
        if (wanted > MAX_SIZE) {
            throw new IllegalArgumentException(backends.size() + " backends need a table of at least " + wanted
                    + " entries, more than the largest, " + MAX_SIZE);
        }
        return build(backends, Primes.atLeast((int) wanted));
    }

    /**
     * The table of {@code backends} in {@code size} entries. Keep the size when the pool changes: a new size
     * moves nearly every flow.
     *
     * @throws IllegalArgumentException when the size is not prime or smaller than 100 entries per backend, when
     *         two backends have the same name, or when no backend has a weight above 0
     */
    public static MaglevTable build(List<Backend> backends, int size) {
        List<Backend> pool = List.copyOf(backends);
        checkSize(pool.size(), size);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            Integer first = seen.putIfAbsent(pool.get(i).name(), i);
            if (first != null) {
                throw new IllegalArgumentException("backends " + first + " and " + i + " are both named '"
                        + pool.get(i).name() + "'; names place backends in the table, so they must be unique");
            }
        }
        if (pool.stream().allMatch(b -> b.weight() == 0)) {
            throw new IllegalArgumentException("no backend has a weight above 0, so no backend can take an entry;"
                    + " give at least one a weight");
        }
        return new MaglevTable(pool, populate(pool, size));
    }

    private static void checkSize(int backends, int size) {
        long least = (long) ENTRIES_PER_BACKEND * Math.max(1, backends);
        if (size < least || size > MAX_SIZE) {
            throw new IllegalArgumentException("a table of " + size + " entries does not fit " + backends
                    + " backends; it needs " + least + ".." + MAX_SIZE + " entries (" + ENTRIES_PER_BACKEND
                    + " per backend), such as the prime " + Primes.atLeast((int) Math.min(least, MAX_SIZE)));
        }
        if (!Primes.isPrime(size)) {
            int below = Primes.atMost(size);
            String nearest = below >= least ? below + " or " + Primes.atLeast(size) : "" + Primes.atLeast(size);
            throw new IllegalArgumentException("a table of " + size + " entries is not of prime size, so some"
                    + " backends would not reach every entry; use " + nearest);
        }
    }

    private static int[] populate(List<Backend> pool, int size) {
        int n = pool.size();
        long[] position = new long[n];
        long[] skip = new long[n];
        for (int i = 0; i < n; i++) {
            position[i] = Long.remainderUnsigned(NameHash.first(pool.get(i).name()), size);
            skip[i] = Long.remainderUnsigned(NameHash.second(pool.get(i).name()), size - 1) + 1;
        }
        int heaviest = pool.stream().mapToInt(Backend::weight).max().orElseThrow();
        // Each pass a backend earns its weight in credit; a turn costs the heaviest weight. So the heaviest
        // backends take a turn every pass and one of half their weight every other pass.
        long[] credit = new long[n];
        int[] entries = new int[size];
        Arrays.fill(entries, -1);
        int filled = 0;
        while (filled < size) {
            for (int i = 0; i < n && filled < size; i++) {
                credit[i] += pool.get(i).weight();
                if (credit[i] < heaviest) {
                    continue;
                }
                credit[i] -= heaviest;
                while (entries[(int) position[i]] >= 0) {
                    position[i] = (position[i] + skip[i]) % size;
                }
                entries[(int) position[i]] = i;
                filled++;
            }
        }
        return entries;
    }

    /**
     * The table of the servers in {@code bySlot} (server slot → backend) in {@code size} entries, each entry the
     * server slot it names: what the hardware's table of a service holds. Empty when no server has a weight above 0,
     * since then no entry has an owner (and no server could take a connection anyway).
     */
    public static Optional<int[]> slotEntries(SortedMap<Integer, Backend> bySlot, int size) {
        if (bySlot.values().stream().allMatch(b -> b.weight() == 0)) return Optional.empty();
        List<Integer> slots = List.copyOf(bySlot.keySet());
        MaglevTable table = build(List.copyOf(bySlot.values()), size);
        return Optional.of(Arrays.stream(table.entries).map(slots::get).toArray());
    }

    /** The number of entries, a prime. */
    public int size() {
        return entries.length;
    }

    /** The backends, in the order given: {@link #entry} indexes this list. */
    public List<Backend> backends() {
        return backends;
    }

    /** The index in {@link #backends} of the backend that entry {@code index} names. */
    public int entry(int index) {
        return entries[index];
    }

    /** The backend of a flow whose 5-tuple hashes to {@code flowHash} (taken as unsigned). */
    public Backend lookup(long flowHash) {
        return backends.get(entries[(int) Long.remainderUnsigned(flowHash, entries.length)]);
    }
}
