package flowswitch.sim.bench;

import flowswitch.config.HardwareParams;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The benchmark's results as Markdown tables, the form README.md quotes them in. */
final class BenchReport {
    private BenchReport() {
    }

    static String format(HardwareParams hardware, int clocksPerBit, String machine, List<TransportResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("Build: ").append(hardware.canonicalText()).append("; simulated UART ").append(clocksPerBit)
                .append(" clocks per bit. ").append(machine).append("\n\n");
        out.append("| transport | ops/s | us per op | sim clocks per op | sim clocks/s driven | model alone"
                + " (clocks/s) | the simulation's bound (ops/s) | a real line's bound (ops/s) | retries |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (TransportResult r : results) {
            AccessRate rate = r.rate();
            out.append(String.format("| %s | %,.0f | %,.1f | %,.0f | %,.0f | %,.0f | %,.0f | %s | %d |%n",
                    r.transport().label(), rate.perSecond(), rate.microsPerAccess(), rate.clocksPerAccess(),
                    rate.clocksPerSecond(), r.modelClocksPerSecond(), r.simulationBound(),
                    r.transport().lineTimePerAccess().map(t -> String.format("%,.0f", 1e9 / t.toNanos())).orElse("-"),
                    r.retries()));
        }
        out.append("\n| transport | apply | changes | reads | writes | wall time | accesses/s | its accesses on a"
                + " real line |\n|---|---|---|---|---|---|---|---|\n");
        for (TransportResult r : results) {
            row(out, r.transport(), "fresh device", r.fresh());
            row(out, r.transport(), "same file again", r.again());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Transport transport, String run, ApplyRun apply) {
        Optional<Duration> line = transport.lineTimePerAccess().map(t -> t.multipliedBy(apply.ops().total()));
        out.append(String.format("| %s | %s | %d | %,d | %,d | %s | %,.0f | %s |%n", transport.label(), run,
                apply.plan().changes().size(), apply.ops().reads(), apply.ops().writes(), seconds(apply.wall()),
                apply.accessesPerSecond(), line.map(BenchReport::seconds).orElse("-")));
    }

    private static String seconds(Duration d) {
        return String.format("%.2f s", d.toNanos() / 1e9);
    }
}
