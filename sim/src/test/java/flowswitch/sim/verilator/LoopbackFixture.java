package flowswitch.sim.verilator;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The hand-written Loopback design (src/test/resources/verilator/loopback): 3 ports, port i's stream leaves on
 * port (i+1)%3 through one register stage; AXI4-Lite registers; UART echo. Built once per width and kept in
 * target/verilator-cache, so reruns of the suite do not recompile.
 */
final class LoopbackFixture {
    static final int PORTS = 3;
    static final Path CACHE = Path.of("target", "verilator-cache");
    private static final Map<Integer, BuiltModel> BUILT = new HashMap<>();

    private LoopbackFixture() {
    }

    static Path resource(String dir) {
        try {
            return Path.of(LoopbackFixture.class.getResource("/verilator/" + dir).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TopLevel top(int width) {
        return new TopLevel("Loopback", PORTS, width);
    }

    static ModelBuilder builder(int width) {
        return ModelBuilder.of(resource("loopback"), top(width)).withParameter("W", Integer.toString(width))
                .withCacheRoot(CACHE);
    }

    /** The 64-bit model is built with VCD tracing, the 256-bit one without (both paths get exercised). */
    static synchronized BuiltModel model(int width) {
        return BUILT.computeIfAbsent(width, w -> {
            BuiltModel built = builder(w).withTrace(w == 64 ? TraceFormat.VCD : TraceFormat.NONE).build();
            System.out.printf("Loopback W=%d: %s, compile time %d ms%n", w,
                    built.fromCache() ? "from cache" : "compiled", built.compileTime().toMillis());
            return built;
        });
    }

    static VerilatedModel open(int width) {
        VerilatedModel dut = model(width).open();
        dut.reset(4);
        return dut;
    }

    static byte[] randomFrame(Random random, int length) {
        byte[] frame = new byte[length];
        random.nextBytes(frame);
        return frame;
    }

    static int egressOf(int ingress) {
        return (ingress + 1) % PORTS;
    }

    static long beats(int length, int width) {
        int lane = width / 8;
        return (length + lane - 1) / lane;
    }
}
