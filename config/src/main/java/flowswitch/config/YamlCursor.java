package flowswitch.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A node of the document and its field path; every reading mistake becomes a ConfigException pointing at it. */
final class YamlCursor {
    // YAML 1.1 also reads 0x.., 0o.., 010 (octal) and 1:30 (base 60) as integers; in a config file they are typos.
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

    private final Node node;
    private final String path;
    private final YamlSource source;

    YamlCursor(Node node, String path, YamlSource source) {
        this.node = node;
        this.path = path;
        this.source = source;
        source.remember(path, node.getStartMark());
    }

    String path() {
        return path;
    }

    Node node() {
        return node;
    }

    YamlSource source() {
        return source;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** @param keys every key allowed here; any other key is an error, so that a misspelt optional key is not ignored */
    YamlMapping mapping(String... keys) throws ConfigException {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping with the keys " + String.join(", ", keys) + "; found " + found());
        }
        return new YamlMapping(this, mapping, List.of(keys));
    }

    List<YamlCursor> list() throws ConfigException {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list (write [] for an empty one); found " + found());
        }
        List<YamlCursor> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new YamlCursor(item, path + "[" + items.size() + "]", source));
        }
        return items;
    }

    /** The value as written, whatever type YAML would give it: an unquoted MAC like {@code 12:34:56:00:00:01} is
     * not the base-60 integer YAML 1.1 makes of it. */
    String text() throws ConfigException {
        if (!(node instanceof ScalarNode scalar) || isNull()) {
            throw error("expected a single value; found " + found());
        }
        return scalar.getValue();
    }

    int integer() throws ConfigException {
        if (node instanceof ScalarNode scalar && DECIMAL.matcher(scalar.getValue()).matches()) {
            if (scalar.getScalarStyle() != ScalarStyle.PLAIN) {
                throw error("'" + scalar.getValue() + "' is quoted text; write the number without quotes");
            }
            BigInteger value = new BigInteger(scalar.getValue());
            if (value.bitLength() >= Integer.SIZE) {
                throw error(value + " is far out of range");
            }
            return value.intValue();
        }
        throw error("expected a whole number in decimal; found " + found());
    }

    /** @param parser throws IllegalArgumentException with a message fit for the user */
    <T> T parse(Function<String, T> parser) throws ConfigException {
        String text = text();
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    <E extends Enum<E>> E choice(Class<E> type) throws ConfigException {
        String text = text();
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants).filter(c -> YamlSpelling.of(c).equals(text)).findFirst()
                .orElseThrow(() -> error("'" + text + "' is not allowed; expected one of "
                        + Arrays.stream(constants).map(YamlSpelling::of).collect(Collectors.joining(", "))));
    }

    /** Runs a record constructor and points a rule it breaks at the value that breaks it. */
    <T> T build(Supplier<T> constructor) throws ConfigException {
        try {
            return constructor.get();
        } catch (FieldException e) {
            throw source.locate(child(e.field()), e.problem());
        }
    }

    ConfigException error(String problem) {
        return source.at(node.getStartMark(), path, problem);
    }

    private boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private String found() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull() ? "no value" : "'" + ((ScalarNode) node).getValue() + "'";
    }
}
