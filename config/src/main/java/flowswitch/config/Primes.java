package flowswitch.config;

/**
 * Primality by trial division: Maglev table sizes (the hardware's and the host's) stay below 2^24, so at most about
 * 2,000 odd divisors.
 */
public final class Primes {
    private Primes() {
    }

    public static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** The smallest prime at least {@code n}. */
    public static int atLeast(int n) {
        int candidate = Math.max(2, n);
        while (!isPrime(candidate)) {
            candidate++;
        }
        return candidate;
    }

    /** The largest prime at most {@code n}, or 0 when there is none. */
    public static int atMost(int n) {
        int candidate = n;
        while (candidate >= 2 && !isPrime(candidate)) {
            candidate--;
        }
        return Math.max(candidate, 0);
    }
}
