package flowswitch.sim.bench;

import flowswitch.driver.api.ChangeKind;
import flowswitch.driver.api.ConfigChange;
import flowswitch.driver.api.ConfigPlan;
import java.time.Duration;

/**
 * One {@code apply} of a config file as fsctl runs it, from opening the device (identification included) to the
 * last write: the plan it carried out, the register accesses it made and the time it took.
 */
record ApplyRun(ConfigPlan plan, CountingBus.Ops ops, Duration wall) {
    long added(Class<? extends ConfigChange> target) {
        return plan.changes().stream().filter(target::isInstance).filter(c -> c.kind() == ChangeKind.ADD).count();
    }

    double accessesPerSecond() {
        return ops.total() / (wall.toNanos() / 1e9);
    }
}
