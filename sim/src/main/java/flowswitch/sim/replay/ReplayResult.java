package flowswitch.sim.replay;

import flowswitch.driver.api.Counters;
import java.util.List;

/**
 * What a replay did: frames in, out and aborted (left with tuser on the last beat, not written) per port, the
 * simulated cycles, input records that could not enter the switch (empty records: an AXI4-Stream frame has at least
 * one byte), and the device's counters read back.
 */
public record ReplayResult(List<Long> framesIn, List<Long> framesOut, List<Long> framesAborted, long cycles,
                           long emptyRecords, Counters counters) {}
