package flowswitch.sim.golden;

import flowswitch.config.MacAddress;
import flowswitch.config.RouterState;

import java.util.Optional;
import java.util.OptionalInt;

/** The router table and docs/datapath.md "Router failover": which router is down, and which live one stands in. */
final class RouterPool {
    private final RouterEntry[] slots;

    RouterPool(int maxRouters) {
        this.slots = new RouterEntry[maxRouters];
    }

    void set(int slot, Optional<RouterEntry> router) {
        slots[slot] = router.orElse(null);
    }

    Optional<RouterEntry> get(int slot) {
        return Optional.ofNullable(slots[slot]);
    }

    /** The lowest valid slot holding {@code mac} in state down. */
    OptionalInt downSlot(MacAddress mac) {
        for (int slot = 0; slot < slots.length; slot++) {
            if (slots[slot] != null && slots[slot].state() == RouterState.DOWN && slots[slot].mac().equals(mac)) {
                return OptionalInt.of(slot);
            }
        }
        return OptionalInt.empty();
    }

    /** The first live slot in the order {@code hash mod max_routers}, +1, … */
    OptionalInt pick(int hash) {
        for (int i = 0; i < slots.length; i++) {
            int slot = (hash % slots.length + i) % slots.length;
            if (slots[slot] != null && slots[slot].state() == RouterState.UP) {
                return OptionalInt.of(slot);
            }
        }
        return OptionalInt.empty();
    }
}
