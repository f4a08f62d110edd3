package flowswitch.hdl.ingress;

import flowswitch.hdl.dsl.BitLayout;

/**
 * A beat of a frame as the ingress hands it to the egress: an {@code AxisBeat} whose last beat also says which late
 * error (docs/datapath.md "Parse") aborted a frame decided early, so that the egress can count it under its reason.
 * {@code user} is set on that beat exactly when {@code status} is not {@link FrameStatus#OK}.
 */
public final class IngressBeat {
    private IngressBeat() {}

    public static BitLayout layout(int dataWidth) {
        return BitLayout.builder("IngressBeat")
                .field("data", dataWidth)
                .field("keep", dataWidth / 8)
                .field("last", 1)
                .field("user", 1)
                .field("status", FrameStatus.WIDTH)
                .build();
    }
}
