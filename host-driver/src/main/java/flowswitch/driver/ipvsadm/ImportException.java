package flowswitch.driver.ipvsadm;

import java.util.List;

/**
 * An ipvsadm-save file (or a neighbour table) that cannot be turned into a config: every problem found, each with
 * its line, in one message.
 */
public class ImportException extends IllegalArgumentException {
    private final List<String> problems;

    public ImportException(String source, List<String> problems) {
        super(source + ": " + (problems.size() == 1 ? "" : problems.size() + " problems: ")
                + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
