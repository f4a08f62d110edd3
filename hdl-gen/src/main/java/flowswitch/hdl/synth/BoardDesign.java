package flowswitch.hdl.synth;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What goes on the board: the switch, or (iCE40 only) the bring-up design on the same pins. */
public enum BoardDesign {
    SWITCH("switch"),
    PHY_TEST("phy-test");

    private final String id;

    BoardDesign(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the designs there are */
    public static BoardDesign byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no design '" + id + "'; the designs are: "
                        + Arrays.stream(values()).map(BoardDesign::id).collect(Collectors.joining(", "))));
    }
}
