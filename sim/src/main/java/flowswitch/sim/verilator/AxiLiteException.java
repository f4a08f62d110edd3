package flowswitch.sim.verilator;

import java.util.Optional;

/** An AXI4-Lite transaction answered with an error response, or not at all within the timeout. */
public class AxiLiteException extends SimulationException {
    private final transient AxiLiteResponse response;
    private final int address;

    private AxiLiteException(String message, int address, AxiLiteResponse response) {
        super(message);
        this.address = address;
        this.response = response;
    }

    static AxiLiteException error(String operation, int address, AxiLiteResponse response) {
        return new AxiLiteException(String.format("AXI4-Lite %s of 0x%04X answered %s; check the address against"
                + " the register map", operation, address, response), address, response);
    }

    static AxiLiteException timeout(String operation, int address, long cycles) {
        return new AxiLiteException(String.format("AXI4-Lite %s of 0x%04X got no response within %d cycles;"
                + " the register block is stuck or held in reset", operation, address, cycles), address, null);
    }

    public int address() {
        return address;
    }

    /** The slave's error response; empty when the transaction timed out. */
    public Optional<AxiLiteResponse> response() {
        return Optional.ofNullable(response);
    }
}
