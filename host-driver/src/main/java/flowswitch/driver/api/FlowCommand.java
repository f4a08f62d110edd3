package flowswitch.driver.api;

import java.util.Locale;

/** A command on one flow table entry: a pulse bit of FLOW_CMD, named as the register map names the bit. */
enum FlowCommand {
    READ, LOOKUP, INSERT, DELETE;

    String field() {
        return name().toLowerCase(Locale.ROOT);
    }
}
