package flowswitch.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A mapping whose keys were checked against the allowed ones: no unknown, no duplicate key. */
final class YamlMapping {
    private final YamlCursor owner;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    YamlMapping(YamlCursor owner, MappingNode mapping, List<String> allowed) throws ConfigException {
        this.owner = owner;
        YamlSource source = owner.source();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                throw source.at(entry.getKeyNode().getStartMark(), owner.path(),
                        "a key must be a plain name; expected one of " + String.join(", ", allowed));
            }
            String key = keyNode.getValue();
            if (!allowed.contains(key)) {
                throw source.at(keyNode.getStartMark(), owner.child(key),
                        "unknown key '" + key + "'; allowed keys here: " + String.join(", ", allowed));
            }
            NodeTuple first = entries.putIfAbsent(key, entry);
            if (first != null) {
                throw source.at(keyNode.getStartMark(), owner.child(key), "key '" + key + "' is given twice (first on"
                        + " line " + (first.getKeyNode().getStartMark().getLine() + 1) + "); keep one");
            }
        }
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value of a required key. */
    YamlCursor get(String key) throws ConfigException {
        NodeTuple entry = entries.get(key);
        if (entry == null) {
            throw owner.source().at(owner.node().getStartMark(), owner.child(key), "is missing; this key is required");
        }
        return new YamlCursor(entry.getValueNode(), owner.child(key), owner.source());
    }
}
