package flowswitch.hdl.gen;

/**
 * Verilator lint waivers for the generated Verilog, each with its reason. {@code flowswitch gen} writes them next
 * to the Verilog as {@code lint-waivers.vlt}, so anyone can repeat {@code verilator --lint-only -Wall}.
 */
public final class LintWaivers {
    private LintWaivers() {}

    public static String text() {
        return """
                `verilator_config
                // SpinalHDL writes every module of the design into one file named after the top.
                lint_off -rule DECLFILENAME
                // SpinalHDL declares a localparam for every value of an enum, used or not (UART parity/stop kinds).
                lint_off -rule UNUSEDPARAM
                // Packed records (BitLayout) travel as whole vectors; a stage that reads some fields leaves the
                // rest unread, and SpinalHDL keeps the full-width intermediate wires.
                lint_off -rule UNUSEDSIGNAL
                """;
    }
}
