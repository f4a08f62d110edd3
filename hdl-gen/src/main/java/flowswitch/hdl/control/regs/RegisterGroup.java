package flowswitch.hdl.control.regs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a register or counter belongs to (docs/register-map.md); indexed groups repeat per port or slot. */
public enum RegisterGroup {
    CORE(false), CTRL(false), SERVICE_TABLE(false), SERVER_TABLE(false), ROUTER_TABLE(false), FLOW(false), MAC(false),
    HEALTH(false), DROP(false), PORT(true), SERVICE(true), SERVER(true), ROUTER(true);

    private final boolean indexed;

    RegisterGroup(boolean indexed) {
        this.indexed = indexed;
    }

    /** True when members carry an index (port number or slot) of 0 or more; false when their index is -1. */
    public boolean indexed() {
        return indexed;
    }

    /** The spelling in regmap.json, e.g. {@code service_table}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the groups that exist */
    public static RegisterGroup fromJsonName(String text) {
        return Arrays.stream(values()).filter(g -> g.jsonName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a register group; expected one of "
                        + Arrays.stream(values()).map(RegisterGroup::jsonName).collect(Collectors.joining(", "))));
    }

    /** @throws IllegalArgumentException when {@code index} does not suit this group (what: the thing being checked) */
    public void checkIndex(String what, int index) {
        if (indexed ? index < 0 : index != -1) {
            throw new IllegalArgumentException(what + " in group " + jsonName() + " has index " + index + "; "
                    + (indexed ? "this group needs an index of 0 or more" : "this group is not indexed, use -1"));
        }
    }
}
