package flowswitch.sim.demo;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcome of a batch of HTTP requests.
 *
 * @param answers  how many answers came from each server (the body of an answer is the server's name)
 * @param failures one line per request that got no answer: which one, and curl's error
 */
record RequestTally(SortedMap<String, Integer> answers, List<String> failures) {
    RequestTally {
        answers = new TreeMap<>(answers);
        failures = List.copyOf(failures);
    }

    int answered() {
        return answers.values().stream().mapToInt(Integer::intValue).sum();
    }

    int from(String server) {
        return answers.getOrDefault(server, 0);
    }

    /** {@code s1 20, s2 20, s3 20}. */
    String spread() {
        return answers.isEmpty() ? "none" : answers.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
