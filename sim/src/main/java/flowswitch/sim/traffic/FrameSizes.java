package flowswitch.sim.traffic;

import java.util.List;
import java.util.Random;

/**
 * Frame lengths for data packets: every other one from a list of the sizes tests care about (the minimum 60,
 * 64, the maximum 1518 and the usual IMIX points), the rest uniform over 60..1518.
 */
final class FrameSizes {
    private static final List<Integer> NOTABLE = List.of(60, 64, 1518, 128, 256, 512, 576, 1024, 1280, 1500);

    private final Random random;
    private int calls;

    FrameSizes(Random random) {
        this.random = random;
    }

    int next() {
        int call = calls++;
        if (call % 2 == 0) {
            return NOTABLE.get(call / 2 % NOTABLE.size());
        }
        return Packet.MIN_FRAME + random.nextInt(Packet.MAX_FRAME - Packet.MIN_FRAME + 1);
    }

    /** The payload that makes a frame with {@code headers} {@link #next()} long, or longer to fit the sequence. */
    int payload(int headers) {
        return Math.max(TrafficFrame.SEQUENCE_BYTES, next() - headers);
    }
}
