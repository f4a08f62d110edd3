package flowswitch.sim.bench;

import flowswitch.driver.transport.RegisterBus;
import flowswitch.driver.transport.serial.SerialBus;
import flowswitch.driver.transport.serial.SerialSettings;
import flowswitch.driver.transport.serial.protocol.UartRequest;
import flowswitch.driver.transport.serial.protocol.UartResponse;
import flowswitch.driver.transport.sim.SimSocketBus;
import flowswitch.driver.transport.sim.SimSocketServer;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.serial.PseudoTerminalPair;
import flowswitch.sim.serial.UartLink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A way fsctl reaches a device ({@code --device sim:PATH} or {@code serial:PATH@BAUD}), here a simulated one. */
sealed interface Transport {
    String label();

    /** Attaches this transport to {@code sw}, with what it needs (a socket, a pseudo-terminal) under {@code dir}. */
    Link connect(SimulatedSwitch sw, Path dir);

    /** How long one access (request and response) takes on a real line of this kind, for a transport that has one. */
    Optional<Duration> lineTimePerAccess();

    /** A transport attached to a switch; buses opened from it are the caller's to close, before the link. */
    interface Link extends AutoCloseable {
        RegisterBus open();

        /**
         * Requests sent again after a lost or damaged frame, on every bus opened so far. Each costs a timeout or a
         * quiet period, so a measurement with retries measured the line's trouble, not the transport.
         */
        long retries();

        @Override
        void close();
    }

    /** fsctl's {@code sim:PATH}: the register bus served on a Unix socket, each access one AXI4-Lite transaction. */
    record SimSocket() implements Transport {
        @Override
        public String label() {
            return "sim socket";
        }

        @Override
        public Link connect(SimulatedSwitch sw, Path dir) {
            SimSocketServer server = new SimSocketServer(dir.resolve("fs.sock"), sw.bus());
            return new Link() {
                @Override
                public RegisterBus open() {
                    return new SimSocketBus(server.socket());
                }

                @Override
                public long retries() {
                    return 0;
                }

                @Override
                public void close() {
                    server.close();
                }
            };
        }

        @Override
        public Optional<Duration> lineTimePerAccess() {
            return Optional.empty();
        }
    }

    /**
     * fsctl's {@code serial:PATH@BAUD} with its default settings, through a pseudo-terminal pair into the RTL's UART
     * bridge. A pseudo-terminal carries bytes at the speed they are written whatever baud it is set to, and the
     * simulated bridge runs at {@link SimulatedSwitch#UART_CLOCKS_PER_BIT} clocks per bit, so the baud asked for
     * changes only the host's timeouts: what is measured is the host, socat and the simulated bridge.
     */
    record Serial(int baud) implements Transport {
        @Override
        public String label() {
            return String.format("serial @%,d", baud);
        }

        @Override
        public Link connect(SimulatedSwitch sw, Path dir) {
            PseudoTerminalPair pty = PseudoTerminalPair.create(dir.resolve("tty"));
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            UartLink uart;
            try {
                uart = UartLink.start(sw, pty.deviceEnd(), failure::set);
            } catch (RuntimeException e) {
                pty.close();
                throw e;
            }
            List<SerialBus> opened = new ArrayList<>();
            return new Link() {
                @Override
                public RegisterBus open() {
                    SerialBus bus = SerialBus.open(pty.hostEnd(), SerialSettings.defaults(baud));
                    opened.add(bus);
                    return bus;
                }

                @Override
                public long retries() {
                    return opened.stream().mapToLong(bus -> bus.statistics().retries()).sum();
                }

                @Override
                public void close() {
                    uart.close();
                    pty.close();
                    if (failure.get() != null) {
                        throw new IllegalStateException("the simulated UART link failed during the benchmark: "
                                + failure.get().getMessage(), failure.get());
                    }
                }
            };
        }

        @Override
        public Optional<Duration> lineTimePerAccess() {
            return Optional.of(SerialSettings.defaults(baud).wireTime(UartRequest.LENGTH + UartResponse.LENGTH));
        }
    }
}
