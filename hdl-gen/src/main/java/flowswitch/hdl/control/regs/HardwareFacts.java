package flowswitch.hdl.control.regs;

import flowswitch.config.HardwareParams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The build parameters by their YAML keys, in canonical order, read from {@link HardwareParams#canonicalText()}
 * so that the HW_* registers and regmap.json's "hardware" follow the config module's one list of parameters.
 */
public final class HardwareFacts {
    private HardwareFacts() {}

    public static Map<String, Integer> of(HardwareParams hw) {
        Map<String, Integer> facts = new LinkedHashMap<>();
        for (String pair : hw.canonicalText().split(";")) {
            String[] kv = pair.split("=", 2);
            facts.put(kv[0], Integer.parseInt(kv[1]));
        }
        return Collections.unmodifiableMap(facts);
    }
}
