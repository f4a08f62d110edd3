package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.decision.ClassifierDriver.Match;
import flowswitch.hdl.decision.ServiceSlot.Frame;
import flowswitch.hdl.simtest.SimModels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import spinal.core.sim.SimCompiled;

/** The service classifier under Verilator with 4 service slots. */
class ServiceClassifierSimTest {
    private static final int SLOTS = 4;
    private static final long VIP = 0xC01F_4101L;
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final Frame HTTPS = new Frame(true, true, VIP, TCP, 443);

    private static void run(String test, Consumer<ClassifierDriver> body) {
        SimCompiled<ServiceClassifier> model = SimModels.get("ServiceClassifier_" + SLOTS, () -> build(new ServiceClassifier(SLOTS)));
        SimModels.run(model, test, test.hashCode(), dut -> body.accept(new ClassifierDriver(dut, SLOTS)));
    }

    /** The table with {@code first} in the lowest slots and the rest empty. */
    private static List<ServiceSlot> table(ServiceSlot... first) {
        List<ServiceSlot> out = new ArrayList<>(Collections.nCopies(SLOTS, ServiceSlot.EMPTY));
        for (int i = 0; i < first.length; i++) out.set(i, first[i]);
        return out;
    }

    @Test
    void aFrameMatchesOnVipProtocolAndPortFromAnUplinkWithPorts() {
        run("match", t -> {
            t.setSlots(table(ServiceSlot.EMPTY, ServiceSlot.EMPTY, new ServiceSlot(true, VIP, TCP, 443, 1)));
            assertEquals(Optional.of(new Match(2, 1)), t.classify(HTTPS));
            assertEquals(Optional.empty(), t.classify(new Frame(false, true, VIP, TCP, 443)), "not from an uplink");
            assertEquals(Optional.empty(), t.classify(new Frame(true, false, VIP, TCP, 443)), "no L4 ports");
            assertEquals(Optional.empty(), t.classify(new Frame(true, true, VIP, UDP, 443)), "other protocol");
            assertEquals(Optional.empty(), t.classify(new Frame(true, true, VIP, TCP, 444)), "other port");
            assertEquals(Optional.empty(), t.classify(new Frame(true, true, VIP, TCP, 443 | 1 << 15)), "port's top bit");
            for (int bit = 0; bit < 32; bit++) {
                assertEquals(Optional.empty(), t.classify(new Frame(true, true, VIP ^ 1L << bit, TCP, 443)), "VIP bit " + bit);
            }
            t.setSlots(table(ServiceSlot.EMPTY, ServiceSlot.EMPTY, new ServiceSlot(false, VIP, TCP, 443, 1)));
            assertEquals(Optional.empty(), t.classify(HTTPS), "disabled slot");
        });
    }

    @Test
    void portZeroTakesAnyDestinationPort() {
        run("any_port", t -> {
            t.setSlots(table(new ServiceSlot(true, VIP, UDP, 0, 0)));
            for (int port : new int[] {0, 1, 53, 443, 0xFFFF}) {
                assertEquals(Optional.of(new Match(0, 0)), t.classify(new Frame(true, true, VIP, UDP, port)), "port " + port);
            }
            assertEquals(Optional.empty(), t.classify(new Frame(true, true, VIP, TCP, 53)), "still only its protocol");
        });
    }

    @Test
    void theLowestMatchingEnabledSlotWins() {
        run("lowest", t -> {
            ServiceSlot exact = new ServiceSlot(true, VIP, TCP, 443, 1);
            ServiceSlot any = new ServiceSlot(true, VIP, TCP, 0, 2);
            t.setSlots(table(ServiceSlot.EMPTY, any, exact, exact));
            assertEquals(Optional.of(new Match(1, 2)), t.classify(HTTPS));
            t.setSlots(table(new ServiceSlot(false, VIP, TCP, 443, 3), exact, any, any));
            assertEquals(Optional.of(new Match(1, 1)), t.classify(HTTPS), "a disabled lower slot does not win");
            t.setSlots(table(exact.withPort(80), exact.withPort(8443), any.withScheduler(3), exact));
            assertEquals(Optional.of(new Match(2, 3)), t.classify(HTTPS));
            assertEquals(Optional.of(new Match(0, 1)), t.classify(new Frame(true, true, VIP, TCP, 80)));
        });
    }

    @Test
    void randomTablesAndFramesFollowTheRule() {
        run("random", t -> {
            Random random = new Random(7);
            long[] vips = {VIP, VIP + 1, 0x0A00_0001L};
            int[] protos = {TCP, UDP};
            int[] ports = {0, 80, 443};
            List<ServiceSlot> slots = table();
            int hits = 0;
            for (int step = 0; step < 5_000; step++) {
                if (step % 50 == 0) {
                    slots = new ArrayList<>();
                    for (int i = 0; i < SLOTS; i++) {
                        slots.add(new ServiceSlot(random.nextInt(5) != 0, vips[random.nextInt(vips.length)],
                                protos[random.nextInt(protos.length)], ports[random.nextInt(ports.length)], random.nextInt(8)));
                    }
                    t.setSlots(slots);
                }
                int port = random.nextInt(3) == 0 ? ports[1 + random.nextInt(2)] : random.nextInt(1 << 16);
                Frame frame = new Frame(random.nextInt(6) != 0, random.nextInt(6) != 0, vips[random.nextInt(vips.length)],
                        protos[random.nextInt(protos.length)], port);
                Optional<Match> expected = Optional.empty();
                for (int i = 0; i < SLOTS && expected.isEmpty(); i++) {
                    if (slots.get(i).matches(frame)) expected = Optional.of(new Match(i, slots.get(i).scheduler()));
                }
                assertEquals(expected, t.classify(frame), "step " + step + ": " + frame + " against " + slots);
                if (expected.isPresent()) hits++;
            }
            assertTrue(hits > 500, "frames that matched a service: " + hits);
        });
    }
}
