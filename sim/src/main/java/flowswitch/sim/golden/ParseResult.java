package flowswitch.sim.golden;

/** What the parser makes of a frame: the fields the switch decides on, or why it drops the frame. */
public sealed interface ParseResult permits ParsedFrame, ParseResult.Rejected {
    /** A frame dropped while parsing. */
    record Rejected(DropReason reason) implements ParseResult {
    }
}
