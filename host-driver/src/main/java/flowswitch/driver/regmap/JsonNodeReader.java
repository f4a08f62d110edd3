package flowswitch.driver.regmap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to one object of the map's JSON tree that knows its own path ({@code registers[3].fields[0]}), so
 * each error names the exact member that is missing or wrong.
 */
record JsonNodeReader(JsonNode node, String path) {

    String string(String key) {
        JsonNode value = member(key);
        if (!value.isTextual()) {
            throw problem(key, "expected a string, found " + value.getNodeType().toString().toLowerCase());
        }
        return value.asText();
    }

    /** The member's text, or "" when it is absent. */
    String optionalString(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? "" : string(key);
    }

    int positive(String key) {
        return (int) integer(key, 1, Integer.MAX_VALUE);
    }

    long integer(String key, long min, long max) {
        JsonNode value = member(key);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw problem(key, "expected an integer, found " + value);
        }
        long v = value.asLong();
        if (v < min || v > max) {
            throw problem(key, v + " is out of range " + min + ".." + max);
        }
        return v;
    }

    /** A 32-bit register value, written in the JSON either signed or unsigned; returned as its bits. */
    int word(String key) {
        return (int) integer(key, Integer.MIN_VALUE, 0xFFFF_FFFFL);
    }

    JsonNodeReader object(String key) {
        JsonNode value = member(key);
        if (!value.isObject()) {
            throw problem(key, "expected an object");
        }
        return new JsonNodeReader(value, at(key));
    }

    List<JsonNodeReader> array(String key) {
        JsonNode value = member(key);
        if (!value.isArray()) {
            throw problem(key, "expected an array");
        }
        List<JsonNodeReader> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = at(key) + "[" + i + "]";
            if (!item.isObject()) {
                throw new IllegalArgumentException(itemPath + ": expected an object");
            }
            items.add(new JsonNodeReader(item, itemPath));
        }
        return items;
    }

    IllegalArgumentException problem(String key, String what) {
        return new IllegalArgumentException(at(key) + ": " + what);
    }

    private JsonNode member(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw problem(key, "missing");
        }
        return value;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
