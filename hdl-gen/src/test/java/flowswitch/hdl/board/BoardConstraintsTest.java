package flowswitch.hdl.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.synth.Board;
import flowswitch.hdl.synth.BoardDesign;
import flowswitch.hdl.synth.BoardTops;
import flowswitch.hdl.synth.Checkout;
import flowswitch.hdl.synth.ClockTarget;
import flowswitch.hdl.synth.ElaboratedTop;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each board top, generated with the board's default hardware, against its constraint file: every top-level port
 * bit is placed on a package pin (or, for the SUME core, which has no pins, timed), no constraint names a port the
 * top does not have, no two ports share a pin, and every clock of the top has its clock constraint.
 */
class BoardConstraintsTest {
    static Stream<Arguments> tops() {
        return Stream.of(
                Arguments.of(Board.ICE40_HX8K, BoardDesign.SWITCH),
                Arguments.of(Board.ICE40_HX8K, BoardDesign.PHY_TEST),
                Arguments.of(Board.NETFPGA_1G_CML, BoardDesign.SWITCH),
                Arguments.of(Board.NETFPGA_SUME, BoardDesign.SWITCH));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tops")
    void constraintsNameExactlyThePortsTheTopHas(Board board, BoardDesign design) {
        Path repo = Checkout.locate(Path.of(""));
        ElaboratedTop top = BoardTops.generate(board, design, board.defaultHardware(),
                Path.of("target/constraints-check", board.id() + "-" + design.id()));
        List<String> bits = TopPorts.bits(TopPorts.of(top.verilog(), top.module()));
        ConstraintFile constraints = ConstraintFile.read(board.constraintFile(repo));

        for (String pattern : constraints.named) {
            assertTrue(bits.stream().anyMatch(b -> ConstraintFile.matches(pattern, b)),
                    board.constraintFile(repo) + " names " + pattern + ", which " + top.module() + " does not have");
        }
        if (board == Board.NETFPGA_SUME) {
            // An out-of-context core: no package pins, but every port is timed.
            assertTrue(constraints.pins.isEmpty(), "the SUME core has no package pins: " + constraints.pins);
            for (String bit : bits) {
                assertTrue(constraints.named.stream().anyMatch(p -> ConstraintFile.matches(p, bit)),
                        bit + " of " + top.module() + " has no constraint");
            }
        } else {
            assertEquals(new TreeSet<>(bits), new TreeSet<>(constraints.pins.keySet()),
                    "every port bit of " + top.module() + " on exactly one pin");
            Set<String> used = new HashSet<>();
            constraints.pins.forEach((port, pin) -> assertTrue(used.add(pin), port + " shares pin " + pin));
        }
        for (ClockTarget clock : top.clocks()) {
            assertTrue(bits.contains(clock.port()), top.module() + " has no clock port " + clock.port());
            if (board.family() == Board.Family.XILINX_7) {
                assertTrue(constraints.clocks.contains(clock.port()), "no create_clock on " + clock.port());
            }
        }
    }
}
