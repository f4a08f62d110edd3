package flowswitch.sim.device;

import flowswitch.config.SwitchConfig;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.names.SlotNames;
import flowswitch.driver.transport.sim.SimSocketServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Serves a simulated switch's register bus on a Unix socket, with the register map and the slot names written next
 * to it, where {@code fsctl --device sim:PATH} looks for them.
 */
public final class ControlSocket implements AutoCloseable {
    private final SimSocketServer server;

    private ControlSocket(SimSocketServer server) {
        this.server = server;
    }

    public static ControlSocket serve(SimulatedSwitch sw, SwitchConfig config, Path socket) {
        Path dir = socket.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path regmap = dir.resolve("regmap.json");
            Files.copy(sw.design().registerMapJson(), regmap, StandardCopyOption.REPLACE_EXISTING);
            NamesFile.nextTo(regmap).save(SlotNames.of(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the register map next to " + socket + ": " + e.getMessage(), e);
        }
        return new ControlSocket(new SimSocketServer(socket, sw.bus()));
    }

    public Path socket() {
        return server.socket();
    }

    @Override
    public void close() {
        server.close();
    }
}
