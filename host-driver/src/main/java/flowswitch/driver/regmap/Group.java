package flowswitch.driver.regmap;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a register or counter belongs to; {@link #indexed()} groups repeat per port, service or server slot. */
public enum Group {
    CORE(false), CTRL(false), SERVICE_TABLE(false), SERVER_TABLE(false), ROUTER_TABLE(false), FLOW(false), MAC(false),
    HEALTH(false), DROP(false), PORT(true), SERVICE(true), SERVER(true), ROUTER(true);

    private final boolean indexed;

    Group(boolean indexed) {
        this.indexed = indexed;
    }

    public boolean indexed() {
        return indexed;
    }

    /** The spelling used in regmap.json. */
    public String jsonName() {
        return name().toLowerCase();
    }

    static Group fromJson(String text) {
        return Arrays.stream(values()).filter(g -> g.jsonName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown group '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(Group::jsonName).collect(Collectors.joining(", "))));
    }
}
