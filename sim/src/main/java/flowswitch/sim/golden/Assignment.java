package flowswitch.sim.golden;

import java.util.OptionalInt;

/** The server slot a service frame goes to (empty: no eligible server), and how the flow table got there. */
record Assignment(FlowOutcome outcome, OptionalInt server) {
}
