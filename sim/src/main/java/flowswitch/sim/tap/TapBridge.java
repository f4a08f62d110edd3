package flowswitch.sim.tap;

import flowswitch.config.HardwareParams;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.verilator.EgressFrame;
import flowswitch.sim.verilator.VerilatedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Connects switch ports to TAP devices: frames the kernel sends out of a TAP enter the switch on its port, frames
 * the switch sends out of a port are written to that port's TAP. A thread of its own runs the clock in short slices
 * while anything is in flight, moving frames between slices, and sleeps in {@code poll(2)} once the switch has been
 * quiet for long enough that nothing can still be inside it; the clock stands still while it sleeps.
 * <p>
 * The model is shared with the register bus (fsctl through the control socket) and the UART: each slice takes the
 * switch's model lock ({@link SimulatedSwitch#exclusive}), and TAP I/O happens outside it.
 */
public final class TapBridge implements AutoCloseable {
    /**
     * Cycles per slice: short enough that a frame waits little for the next slice (a slice is well under a
     * millisecond at the model's speed), long enough that the few native calls per slice cost little beside it.
     */
    static final int SLICE_CYCLES = 128;
    /** How long the bridge sleeps between looks at its stop flag when nothing happens. */
    static final int IDLE_POLL_MILLIS = 100;
    /**
     * Frames a port's input queue may hold before the bridge stops reading its TAP. Beyond it frames wait in the
     * kernel's queue, which drops at its length like a NIC's ring would, instead of piling up in the simulation.
     */
    static final int MAX_QUEUED_FRAMES = 32;

    private final SimulatedSwitch sw;
    private final List<TapDevice> devices;
    private final int[] portOfDevice;
    private final TapDevice[] deviceOfPort;
    private final long quietCycles;
    private final TapPoller poller;
    private final Consumer<RuntimeException> onFailure;
    private final Thread thread;
    private volatile boolean running = true;
    // Written by the bridge thread only; volatile so stats() sees recent values.
    private volatile long framesIn;
    private volatile long framesOut;
    private volatile long framesDropped;
    private volatile long cycles;
    private volatile long activeNanos;

    private TapBridge(SimulatedSwitch sw, List<TapBinding> bindings, List<TapDevice> devices,
                      Consumer<RuntimeException> onFailure) {
        HardwareParams hw = sw.device().hardware();
        this.sw = sw;
        this.devices = List.copyOf(devices);
        this.portOfDevice = bindings.stream().mapToInt(TapBinding::port).toArray();
        this.deviceOfPort = new TapDevice[hw.ports()];
        for (int i = 0; i < devices.size(); i++) {
            deviceOfPort[portOfDevice[i]] = devices.get(i);
        }
        this.quietCycles = quietCycles(hw);
        this.poller = new TapPoller(devices);
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, "tap-bridge " + bindings);
        thread.setDaemon(true);
    }

    /**
     * Opens the TAP devices (creating those that do not exist) and starts moving frames.
     *
     * @param onFailure told when the bridge stops on an error (a device went away, the simulation faulted)
     * @throws IllegalArgumentException if a port does not exist or a port or device is given twice
     * @throws TapException if a device cannot be opened; none stays open then
     */
    public static TapBridge start(SimulatedSwitch sw, List<TapBinding> bindings, Consumer<RuntimeException> onFailure) {
        TapBinding.checkAll(bindings, sw.device().hardware().ports());
        List<TapDevice> opened = new ArrayList<>();
        try {
            for (TapBinding b : bindings) {
                opened.add(TapDevice.open(b.ifname()));
            }
        } catch (RuntimeException e) {
            opened.forEach(TapDevice::close);
            throw e;
        }
        TapBridge bridge = new TapBridge(sw, bindings, opened, onFailure);
        bridge.thread.start();
        return bridge;
    }

    public BridgeStats stats() {
        return new BridgeStats(framesIn, framesOut, framesDropped, cycles, activeNanos);
    }

    /** Stops moving frames and closes the devices (which deletes those that were not made persistent). */
    @Override
    public void close() {
        running = false;
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        devices.forEach(TapDevice::close);
    }

    /**
     * Cycles without any frame coming out, with every input queue empty, after which nothing can still be inside
     * the switch: it stores and forwards, so a frame leaves within about its own length in beats after its last
     * beat went in (README's latency table), and frames that meet at one output wait one after another, every wait
     * ending in a frame coming out. Twice the longest frame plus the pipeline, with room to spare.
     */
    private static long quietCycles(HardwareParams hw) {
        return 2L * hw.maxFrameBytes() / hw.bytesPerBeat() + 4L * SLICE_CYCLES;
    }

    private void run() {
        int[] queued = new int[deviceOfPort.length];
        long quiet = quietCycles;
        try {
            while (running) {
                boolean idle = quiet >= quietCycles;
                boolean[] readable = poller.await(idle ? IDLE_POLL_MILLIS : 0);
                long start = System.nanoTime();
                List<Ingress> in = read(readable, queued);
                if (idle && in.isEmpty()) {
                    continue;
                }
                Slice slice = sw.exclusive(model -> slice(model, in));
                deliver(slice.out());
                queued = slice.queued();
                boolean busy = !in.isEmpty() || !slice.out().isEmpty() || slice.anyQueued();
                quiet = busy ? 0 : quiet + SLICE_CYCLES;
                framesIn += in.size();
                cycles += SLICE_CYCLES;
                activeNanos += System.nanoTime() - start;
            }
        } catch (RuntimeException e) {
            running = false;
            onFailure.accept(e);
        }
    }

    private record Ingress(int port, byte[] frame) {}

    private record Slice(List<EgressFrame> out, int[] queued) {
        boolean anyQueued() {
            for (int q : queued) {
                if (q > 0) return true;
            }
            return false;
        }
    }

    private List<Ingress> read(boolean[] readable, int[] queued) {
        List<Ingress> in = new ArrayList<>();
        for (int i = 0; i < readable.length; i++) {
            if (!readable[i]) continue;
            int port = portOfDevice[i];
            for (int room = MAX_QUEUED_FRAMES - queued[port]; room > 0; room--) {
                Optional<byte[]> frame = devices.get(i).read();
                if (frame.isEmpty()) break;
                in.add(new Ingress(port, EthernetPadding.pad(frame.get())));
            }
        }
        return in;
    }

    private Slice slice(VerilatedModel model, List<Ingress> in) {
        for (Ingress f : in) {
            model.pushFrame(f.port(), f.frame());
        }
        model.step(SLICE_CYCLES);
        List<EgressFrame> out = new ArrayList<>();
        int[] queued = new int[deviceOfPort.length];
        for (int p = 0; p < deviceOfPort.length; p++) {
            out.addAll(model.popFrames(p));
            queued[p] = model.pendingFrames(p);
        }
        return new Slice(out, queued);
    }

    private void deliver(List<EgressFrame> out) {
        for (EgressFrame f : out) {
            TapDevice device = deviceOfPort[f.port()];
            // An aborted frame is one a MAC would send with a bad FCS: the host would drop it, so it is not written.
            if (device != null && !f.aborted() && device.write(f.data())) {
                framesOut++;
            } else {
                framesDropped++;
            }
        }
    }
}
