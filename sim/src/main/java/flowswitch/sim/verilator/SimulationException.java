package flowswitch.sim.verilator;

/** The simulation could not do what was asked: the design faulted ($fatal, $stop, $finish) or did not settle. */
public class SimulationException extends RuntimeException {
    public SimulationException(String message) {
        super(message);
    }
}
