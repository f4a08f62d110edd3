package flowswitch.driver.api;

import flowswitch.config.DurationText;
import flowswitch.config.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One difference between a device and a config, as {@link ConfigPlan} lists them for people to review. */
public sealed interface ConfigChange {
    ChangeKind kind();

    /** One line saying what changes, with the values before and after. */
    String describe();

    record SwitchMac(MacAddress before, MacAddress after) implements ConfigChange {
        @Override
        public ChangeKind kind() {
            return ChangeKind.MODIFY;
        }

        @Override
        public String describe() {
            return "change switch MAC: " + before + " -> " + after;
        }
    }

    record UplinkPorts(List<Integer> before, List<Integer> after) implements ConfigChange {
        public UplinkPorts {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.MODIFY;
        }

        @Override
        public String describe() {
            return "change uplink ports: " + before + " -> " + after;
        }
    }

    /** The flow table's aging registers, from the config's clock_hz and flow_timeouts. */
    record Aging(FlowAging before, FlowAging after) implements ConfigChange {
        @Override
        public ChangeKind kind() {
            return ChangeKind.MODIFY;
        }

        @Override
        public String describe() {
            List<String> changes = new ArrayList<>();
            differ(changes, "tick", cycles(before), cycles(after));
            for (FlowKind kind : FlowKind.values()) {
                differ(changes, ServiceEntry.spell(kind), DurationText.format(before.timeout(kind)),
                        DurationText.format(after.timeout(kind)));
            }
            return "change flow aging: " + String.join(", ", changes);
        }

        private static String cycles(FlowAging aging) {
            return aging.stopped() ? "stopped" : aging.tickCycles() + " clocks";
        }
    }

    /** @param formerName the name before the change; equal to {@code name} unless the service is renamed */
    record Service(ChangeKind kind, int slot, String name, String formerName, ServiceEntry before,
                   ServiceEntry after) implements ConfigChange {
        @Override
        public String describe() {
            String what = "service " + name + (name.equals(formerName) ? "" : " (was " + formerName + ")");
            return switch (kind) {
                case ADD -> "add " + what + " in slot " + slot + ": " + after.summary();
                case REMOVE -> "remove " + what + " from slot " + slot + " (" + before.summary() + ")";
                case RENAME -> "rename service " + formerName + " in slot " + slot + " to " + name;
                case MODIFY -> "change " + what + " in slot " + slot + ": " + String.join(", ", differences());
            };
        }

        private List<String> differences() {
            List<String> changes = new ArrayList<>();
            differ(changes, "vip", before.vip(), after.vip());
            differ(changes, "protocol", ServiceEntry.spell(before.protocol()), ServiceEntry.spell(after.protocol()));
            differ(changes, "port", before.port(), after.port());
            differ(changes, "scheduler", ServiceEntry.spell(before.scheduler()),
                    ServiceEntry.spell(after.scheduler()));
            differ(changes, "on_server_down", ServiceEntry.spell(before.onServerDown()),
                    ServiceEntry.spell(after.onServerDown()));
            return changes;
        }
    }

    /**
     * @param service    the name of the service the server belongs to after the change (before, for a removal)
     * @param formerName the name before the change; equal to {@code name} unless the server is renamed
     */
    record Server(ChangeKind kind, int slot, String service, String name, String formerName, ServerEntry before,
                  ServerEntry after) implements ConfigChange {
        @Override
        public String describe() {
            String what = "server " + service + "/" + name + (name.equals(formerName) ? "" : " (was " + formerName
                    + ")");
            return switch (kind) {
                case ADD -> "add " + what + " in slot " + slot + ": " + after.summary();
                case REMOVE -> "remove " + what + " from slot " + slot + " (" + before.summary() + ")";
                case RENAME -> "rename server " + service + "/" + formerName + " in slot " + slot + " to " + name;
                case MODIFY -> "change " + what + " in slot " + slot + ": " + String.join(", ", differences());
            };
        }

        private List<String> differences() {
            List<String> changes = new ArrayList<>();
            differ(changes, "mac", before.mac(), after.mac());
            differ(changes, "port", before.port(), after.port());
            differ(changes, "weight", before.weight(), after.weight());
            differ(changes, "state", ServiceEntry.spell(before.state()), ServiceEntry.spell(after.state()));
            return changes;
        }
    }

    /** @param formerName the name before the change; equal to {@code name} unless the router is renamed */
    record Router(ChangeKind kind, int slot, String name, String formerName, RouterEntry before, RouterEntry after)
            implements ConfigChange {
        @Override
        public String describe() {
            String what = "router " + name + (name.equals(formerName) ? "" : " (was " + formerName + ")");
            return switch (kind) {
                case ADD -> "add " + what + " in slot " + slot + ": " + after.summary();
                case REMOVE -> "remove " + what + " from slot " + slot + " (" + before.summary() + ")";
                case RENAME -> "rename router " + formerName + " in slot " + slot + " to " + name;
                case MODIFY -> "change " + what + " in slot " + slot + ": " + before.summary() + " -> "
                        + after.summary();
            };
        }
    }

    private static void differ(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + " " + before + " -> " + after);
        }
    }
}
