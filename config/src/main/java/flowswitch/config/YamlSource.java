package flowswitch.config;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One YAML text being read: composes it to nodes and remembers where each field's value starts, so that errors
 * found later, when the records check themselves, still point at the line of the offending value.
 */
final class YamlSource {
    private final String name;
    private final Map<String, Mark> marks = new HashMap<>();

    YamlSource(String name) {
        this.name = name;
    }

    /** The document's root node, or empty for a text without any content. */
    Optional<YamlCursor> compose(String yaml) throws ConfigException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw at(e.getProblemMark(), "", "invalid YAML: " + context + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(name, 0, 0, "", "invalid YAML: " + e.getMessage());
        }
        return Optional.ofNullable(root).map(node -> new YamlCursor(node, "", this));
    }

    void remember(String path, Mark mark) {
        marks.putIfAbsent(path, mark);
    }

    ConfigException at(Mark mark, String field, String problem) {
        return mark == null
                ? new ConfigException(name, 0, 0, field, problem)
                : new ConfigException(name, mark.getLine() + 1, mark.getColumn() + 1, field, problem);
    }

    /** Points at the field's value, or at its closest enclosing value when the field itself was not written. */
    ConfigException locate(String field, String problem) {
        String path = field;
        while (!marks.containsKey(path) && !path.isEmpty()) {
            path = path.substring(0, Math.max(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))));
        }
        return at(marks.get(path), field, problem);
    }
}
