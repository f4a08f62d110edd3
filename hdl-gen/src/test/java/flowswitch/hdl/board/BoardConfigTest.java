package flowswitch.hdl.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.board.cml.NetFpga1gCmlConfig;
import flowswitch.hdl.board.eth.EthMacConfig;
import flowswitch.hdl.board.ice40.Ice40Hx8kConfig;
import flowswitch.hdl.board.sume.NetFpgaSumeConfig;
import flowswitch.hdl.synth.Board;
import flowswitch.hdl.synth.BoardDesign;
import flowswitch.hdl.synth.BoardTops;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Board configurations take only hardware their board can carry, and say what they take when they refuse. */
class BoardConfigTest {
    @Test
    void ice40TakesTwoPortsAt64Bits() {
        IllegalArgumentException ports = assertThrows(IllegalArgumentException.class,
                () -> new Ice40Hx8kConfig(HardwareParams.defaults()));
        assertTrue(ports.getMessage().contains("set ports: 2"), ports.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> new Ice40Hx8kConfig(Ice40Hx8kConfig.reduced().hw().withDataWidth(256).withMaxFrameBytes(1536)));
        assertTrue(width.getMessage().contains("data_width: 64"), width.getMessage());
    }

    @Test
    void ice40UartRunsAtItsOwnClock() {
        // 115200 baud on 12 MHz: 104 clocks per bit (on the 125 MHz default it would be 1085).
        assertEquals(104, Ice40Hx8kConfig.reduced().uart().clocksPerBit());
    }

    @Test
    void netfpgaBoardsTakeTheirPortCountAndWidth() {
        IllegalArgumentException cml = assertThrows(IllegalArgumentException.class,
                () -> new NetFpga1gCmlConfig(HardwareParams.defaults().withPorts(2)));
        assertTrue(cml.getMessage().contains("set ports: 4"), cml.getMessage());
        IllegalArgumentException sume = assertThrows(IllegalArgumentException.class,
                () -> new NetFpgaSumeConfig(HardwareParams.defaults()));
        assertTrue(sume.getMessage().contains("data_width: 256"), sume.getMessage());
    }

    @Test
    void transmitFifoHoldsAWholeFrame() {
        EthMacConfig mii = EthMacConfig.forHardware(Ice40Hx8kConfig.reduced().hw(), 4);
        assertEquals(256, mii.txFifoBeats(), "1536 bytes are 192 beats of 8 bytes");
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> new EthMacConfig(4, 64, 16, 64, 1536));
        assertTrue(small.getMessage().contains("cannot hold a whole 1536-byte frame"), small.getMessage());
    }

    @Test
    void unknownBoardsAndDesignsAreNamed() {
        IllegalArgumentException board = assertThrows(IllegalArgumentException.class, () -> Board.byId("arty"));
        assertEquals("no board 'arty'; the boards are: ice40-hx8k, netfpga-1g-cml, netfpga-sume", board.getMessage());
        IllegalArgumentException design = assertThrows(IllegalArgumentException.class, () -> BoardTops.generate(
                Board.NETFPGA_1G_CML, BoardDesign.PHY_TEST, Board.NETFPGA_1G_CML.defaultHardware(), Path.of("unused")));
        assertTrue(design.getMessage().contains("has no design 'phy-test'"), design.getMessage());
    }
}
