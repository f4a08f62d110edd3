# NetFPGA SUME: out-of-context synthesis, placement and routing of the flowswitch output-port-lookup core
# (module output_port_lookup_ip) with its clocks from constraints/netfpga-sume/output_port_lookup_ip.xdc, for its
# utilization and timing. The SUME bitstream comes from the reference_switch project the core goes into
# (add_to_reference_switch.tcl). Run by `flowswitch synth --board netfpga-sume` when vivado is on the PATH:
#   vivado -mode batch -source build.tcl -tclargs RTL_DIR TOP XDC PART OUT_DIR
# Not run where flowswitch is developed (no Vivado there); written against Vivado 2018+ Tcl commands.

if {[llength $argv] != 5} { error "usage: build.tcl RTL_DIR TOP XDC PART OUT_DIR" }
lassign $argv rtl_dir top xdc part out_dir
source [file join [file dirname [file normalize [info script]]] .. vivado_summary.tcl]

create_project -in_memory -part $part
read_verilog [glob [file join $rtl_dir *.v]]
read_xdc -mode out_of_context $xdc
synth_design -top $top -part $part -mode out_of_context
opt_design
place_design
route_design
report_utilization -file [file join $out_dir utilization.rpt]
report_timing_summary -file [file join $out_dir timing.rpt]
write_checkpoint -force [file join $out_dir $top.dcp]
flowswitch_summary [file join $out_dir summary.txt] ""
