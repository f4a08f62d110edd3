package flowswitch.driver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.driver.regmap.Group;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterRatesTest {
    private static Counters reading(long rxPackets, long hits, int flows) {
        return new Counters(List.of(new CounterValue(Group.PORT, 0, "rx_packets", rxPackets),
                new CounterValue(Group.FLOW, -1, "hits", hits)), flows, 2);
    }

    @Test
    void ratesArePerSecondAndOccupancyIsTheLaterLevel() {
        CounterRates rates = CounterRates.between(reading(1_000, 50, 7), reading(4_000, 50, 9),
                Duration.ofMillis(500));
        assertEquals(6_000.0, rates.get(Group.PORT, 0, "rx_packets"));
        assertEquals(0.0, rates.get(Group.FLOW, -1, "hits"));
        assertEquals(9, rates.flowOccupancy());
        assertEquals(2, rates.macOccupancy());
        assertEquals(Duration.ofMillis(500), rates.elapsed());
        assertEquals(1, rates.group(Group.FLOW).size());
    }

    @Test
    void aCounterClearedInBetweenCountsFromZero() {
        CounterRates rates = CounterRates.between(reading(1_000_000, 0, 0), reading(300, 0, 0), Duration.ofSeconds(3));
        assertEquals(100.0, rates.get(Group.PORT, 0, "rx_packets"));
    }

    @Test
    void readingsThatDoNotMatchAreRefused() {
        IllegalArgumentException noTime = assertThrows(IllegalArgumentException.class,
                () -> CounterRates.between(reading(1, 1, 1), reading(2, 2, 2), Duration.ZERO));
        assertTrue(noTime.getMessage().contains("no time passed"), noTime.getMessage());
        Counters other = new Counters(List.of(new CounterValue(Group.PORT, 1, "rx_packets", 5),
                new CounterValue(Group.FLOW, -1, "hits", 5)), 0, 0);
        assertThrows(IllegalArgumentException.class,
                () -> CounterRates.between(reading(1, 1, 1), other, Duration.ofSeconds(1)));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CounterRates.between(reading(1, 1, 1), reading(2, 2, 2), Duration.ofSeconds(1))
                        .get(Group.SERVER, 3, "bytes"));
        assertEquals("no counter server[3].bytes", missing.getMessage());
    }
}
