package flowswitch.driver.transport.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SerialSettingsTest {
    @Test
    void wireTimeIsTenBitTimesPerByte() {
        assertEquals(Duration.ofNanos(18 * 10 * 1_000_000_000L / 115_200), SerialSettings.defaults(115_200).wireTime(18));
        assertEquals(Duration.ofNanos(60_000), SerialSettings.defaults(3_000_000).wireTime(18));
    }

    @Test
    void theQuietPeriodOutlastsTheDevicesFrameGapAndNeverDropsBelowTheFloor() {
        // 34 byte times at 1200 baud: 283 ms, far above the floor.
        assertEquals(Duration.ofNanos(34 * 10 * 1_000_000_000L / 1200), SerialSettings.defaults(1200).quietPeriod());
        // At 3 Mbaud the gap is 113 us; USB adapters and schedulers need more.
        assertEquals(Duration.ofMillis(20), SerialSettings.defaults(3_000_000).quietPeriod());
        assertTrue(SerialSettings.defaults(9600).withDeviceFrameGapBytes(100).quietPeriod()
                .compareTo(SerialSettings.defaults(9600).quietPeriod()) > 0);
    }

    @Test
    void theDefaultTimeoutCoversSlowLinesAndHasAFloor() {
        assertEquals(Duration.ofMillis(250), SerialSettings.defaults(115_200).responseTimeout());
        assertEquals(SerialSettings.defaults(1200).wireTime(18).multipliedBy(4), SerialSettings.defaults(1200).responseTimeout());
    }

    @Test
    void settingsOutsideWhatWorksAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SerialSettings.defaults(115_200).withAttempts(0))
                .getMessage().contains("attempts"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SerialSettings.defaults(115_200).withResponseTimeout(Duration.ZERO)).getMessage().contains("timeout"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SerialSettings.defaults(100_000)).getMessage()
                .contains("100000"));
    }
}
