package flowswitch.driver.cli;

import flowswitch.config.ServerState;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads --state in the config file's spelling (up, down, drain) and says so when it is anything else. */
final class ServerStateConverter implements ITypeConverter<ServerState> {
    @Override
    public ServerState convert(String value) {
        return Arrays.stream(ServerState.values()).filter(s -> Spelling.of(s).equals(value)).findFirst()
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a server state; expected "
                        + Arrays.stream(ServerState.values()).map(Spelling::of).collect(Collectors.joining(", "))));
    }
}
