package flowswitch.driver.cli;

import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.LoadBalancer;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.transport.RegisterBus;

/** One fsctl run's open device and the names file that goes with its register map. */
record Session(RegisterBus bus, FlowSwitchDevice device, NamesFile names) implements AutoCloseable {
    /** The device by service and server names, which is how most verbs use it. */
    LoadBalancer balancer() {
        return new LoadBalancer(device, names);
    }

    @Override
    public void close() {
        bus.close();
    }
}
