package flowswitch.hdl.flowtable;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.Bits;
import spinal.core.Bool;

/** Which idle timeout ages a connection out: its FLOW_TIMEOUT register is indexed by {@link #code()}. */
public enum FlowKind {
    TCP_ESTABLISHED(0),
    /** A TCP connection that has sent FIN or RST: it only lingers for the short timeout. */
    TCP_CLOSING(1),
    UDP(2);

    public static final int WIDTH = 2;
    private static final int PROTO_UDP = 17;

    private final int code;

    FlowKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The kind of a connection of IP protocol {@code proto}; {@code closing}: a TCP one has seen FIN or RST. */
    public static Bits of(Bits proto, Bool closing) {
        return mux(eq(proto, PROTO_UDP), b(UDP.code, WIDTH),
                mux(closing, b(TCP_CLOSING.code, WIDTH), b(TCP_ESTABLISHED.code, WIDTH)));
    }
}
