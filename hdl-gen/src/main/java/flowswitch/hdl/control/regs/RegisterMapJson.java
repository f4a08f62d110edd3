package flowswitch.hdl.control.regs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** regmap.json, format 1 (docs/register-map.md): what the host driver reads. */
final class RegisterMapJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RegisterMapJson() {}

    static String render(RegisterMap map) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", RegisterMap.FORMAT);
        root.put("name", map.name());
        root.put("id", map.id());
        root.put("version", map.version());
        root.put("build", map.build());
        ObjectNode hardware = root.putObject("hardware");
        map.hardwareFacts().forEach(hardware::put);
        ArrayNode registers = root.putArray("registers");
        for (RegisterDef r : map.registers()) {
            ObjectNode reg = registers.addObject();
            reg.put("name", r.name());
            reg.put("address", r.address());
            reg.put("access", r.access().name());
            reg.put("reset", r.reset());
            reg.put("doc", r.doc());
            reg.put("group", r.group().jsonName());
            reg.put("index", r.index());
            ArrayNode fields = reg.putArray("fields");
            for (FieldDef f : r.fields()) {
                ObjectNode field = fields.addObject();
                field.put("name", f.name());
                field.put("lsb", f.lsb());
                field.put("width", f.width());
                field.put("access", f.access().name());
                field.put("reset", f.reset());
                field.put("doc", f.doc());
            }
        }
        ArrayNode counters = root.putArray("counters");
        for (CounterDef c : map.counters()) {
            ObjectNode counter = counters.addObject();
            counter.put("name", c.name());
            counter.put("group", c.group().jsonName());
            counter.put("index", c.index());
            counter.put("lo", c.lo());
            counter.put("hi", c.hi());
            counter.put("doc", c.doc());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of plain values failed to serialise: " + e.getMessage(), e);
        }
    }
}
