package flowswitch.driver.cli;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;
import flowswitch.config.RouterState;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerDownPolicy;
import flowswitch.config.ServerState;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values in the spelling of the config file, each refused with what was expected. */
final class Converters {
    private Converters() {
    }

    /** An enum constant written in lower case, as in the config file. */
    abstract static class Spelled<E extends Enum<E>> implements ITypeConverter<E> {
        private final Class<E> type;
        private final String what;

        Spelled(Class<E> type, String what) {
            this.type = type;
            this.what = what;
        }

        @Override
        public E convert(String value) {
            return Arrays.stream(type.getEnumConstants()).filter(c -> Spelling.of(c).equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException(refusal(value, choices())));
        }

        String refusal(String value, String choices) {
            return "'" + value + "' is not a " + what + "; expected " + choices;
        }

        private String choices() {
            return Arrays.stream(type.getEnumConstants()).map(Spelling::of).collect(Collectors.joining(", "));
        }
    }

    static final class States extends Spelled<ServerState> {
        States() {
            super(ServerState.class, "server state");
        }
    }

    static final class RouterStates extends Spelled<RouterState> {
        RouterStates() {
            super(RouterState.class, "router state");
        }
    }

    static final class DownPolicies extends Spelled<ServerDownPolicy> {
        DownPolicies() {
            super(ServerDownPolicy.class, "on-server-down policy");
        }
    }

    static final class Protocols extends Spelled<Protocol> {
        Protocols() {
            super(Protocol.class, "protocol");
        }
    }

    static final class Schedulers extends Spelled<Scheduler> {
        Schedulers() {
            super(Scheduler.class, "scheduler");
        }

        @Override
        String refusal(String value, String choices) {
            return "scheduler '" + value + "' is not one the hardware has; it has " + choices;
        }
    }

    static final class Macs implements ITypeConverter<MacAddress> {
        @Override
        public MacAddress convert(String value) {
            try {
                return MacAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Ipv4s implements ITypeConverter<Ipv4Address> {
        @Override
        public Ipv4Address convert(String value) {
            try {
                return Ipv4Address.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 198.51.100.7:40000}. */
    static final class ClientAddresses implements ITypeConverter<ClientAddress> {
        private static final Pattern TEXT = Pattern.compile("([^:]+):([0-9]{1,5})");

        @Override
        public ClientAddress convert(String value) {
            Matcher m = TEXT.matcher(value);
            if (!m.matches() || Integer.parseInt(m.group(2)) > 0xFFFF) {
                throw new TypeConversionException("'" + value + "' is not a client address; expected IP:PORT with a"
                        + " port 0..65535, like 198.51.100.7:40000");
            }
            try {
                return new ClientAddress(Ipv4Address.parse(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 500ms}, {@code 2s}, {@code 1.5s} or a plain number of seconds; more than zero. */
    static final class Durations implements ITypeConverter<Duration> {
        private static final Pattern TEXT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s)?");

        @Override
        public Duration convert(String value) {
            Matcher m = TEXT.matcher(value);
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a duration; expected e.g. 500ms, 2s or 1.5");
            }
            double millis = Double.parseDouble(m.group(1)) * ("ms".equals(m.group(2)) ? 1 : 1000);
            if (millis < 1) {
                throw new TypeConversionException("'" + value + "' is too short; expected at least 1ms");
            }
            return Duration.ofMillis(Math.round(millis));
        }
    }
}
