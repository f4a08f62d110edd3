package flowswitch.driver.maglev;

import java.nio.charset.StandardCharsets;

/**
 * The two hashes of a backend's name that place its permutation: FNV-1a (64 bit) over the name's UTF-8 bytes from
 * two different starting values, each finished with MurmurHash3's 64-bit mixer so that names differing in one
 * character spread over the whole table. Only the name counts, so a backend keeps its permutation when others
 * come and go.
 */
final class NameHash {
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    // Any value other than the offset basis gives an independent second hash; this one is the golden ratio.
    private static final long SECOND_BASIS = 0x9e3779b97f4a7c15L;

    private NameHash() {
    }

    static long first(String name) {
        return mix(fnv1a(FNV_OFFSET_BASIS, name));
    }

    static long second(String name) {
        return mix(fnv1a(SECOND_BASIS, name));
    }

    private static long fnv1a(long basis, String name) {
        long hash = basis;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
