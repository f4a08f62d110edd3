package flowswitch.hdl.gen;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import spinal.core.ClockDomainConfig;
import spinal.core.Component;
import spinal.core.SpinalConfig;
import spinal.core.SpinalReport;
import spinal.core.SpinalVerilog$;

/**
 * Runs SpinalHDL's Verilog backend for one top-level component into a directory.
 * Clocking follows verilog-ethernet: rising edge, synchronous active-high reset.
 */
public final class VerilogWriter {
    private VerilogWriter() {}

    public static <T extends Component> SpinalReport<T> write(Path dir, Supplier<T> top) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create output directory " + dir, e);
        }
        SpinalConfig config = copy(baseline(), "targetDirectory", dir.toString());
        config = copy(config, "defaultConfigForClockDomains", new ClockDomainConfig(
                spinal.core.RISING$.MODULE$, spinal.core.SYNC$.MODULE$, spinal.core.HIGH$.MODULE$,
                spinal.core.HIGH$.MODULE$, spinal.core.HIGH$.MODULE$));
        config = copy(config, "oneFilePerComponent", false);
        return SpinalVerilog$.MODULE$.apply(config, top::get);
    }

    // SpinalConfig is a Scala case class with ~50 fields; its companion's defaults give the baseline.
    private static SpinalConfig baseline() {
        try {
            Method apply = null;
            for (Method m : spinal.core.SpinalConfig$.class.getMethods()) {
                if (m.getName().equals("apply") && m.getParameterCount() > 40) apply = m;
            }
            Object[] args = new Object[apply.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = spinal.core.SpinalConfig$.class.getMethod("apply$default$" + (i + 1))
                        .invoke(spinal.core.SpinalConfig$.MODULE$);
            }
            return (SpinalConfig) apply.invoke(spinal.core.SpinalConfig$.MODULE$, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SpinalConfig's shape changed: " + e, e);
        }
    }

    /** A copy of {@code config} with one field changed, by the field's name. */
    static SpinalConfig copy(SpinalConfig config, String field, Object value) {
        try {
            Method copy = null;
            for (Method m : SpinalConfig.class.getMethods()) {
                if (m.getName().equals("copy")) copy = m;
            }
            Object[] args = new Object[config.productArity()];
            boolean found = false;
            for (int i = 0; i < args.length; i++) {
                boolean hit = config.productElementName(i).equals(field);
                found |= hit;
                args[i] = hit ? value : config.productElement(i);
            }
            if (!found) throw new IllegalArgumentException("SpinalConfig has no field " + field);
            return (SpinalConfig) copy.invoke(config, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SpinalConfig's shape changed: " + e, e);
        }
    }
}
