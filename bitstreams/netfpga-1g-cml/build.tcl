# NetFPGA-1G-CML: synthesis, placement, routing and bitstream of the flowswitch board top, in Vivado's non-project
# mode. Run by `flowswitch synth --board netfpga-1g-cml` when vivado is on the PATH:
#   vivado -mode batch -source build.tcl -tclargs RTL_DIR TOP XDC PART OUT_DIR
# Not run where flowswitch is developed (no Vivado there); written against Vivado 2018+ Tcl commands.

if {[llength $argv] != 5} { error "usage: build.tcl RTL_DIR TOP XDC PART OUT_DIR" }
lassign $argv rtl_dir top xdc part out_dir
source [file join [file dirname [file normalize [info script]]] .. vivado_summary.tcl]

create_project -in_memory -part $part
read_verilog [glob [file join $rtl_dir *.v]]
read_xdc $xdc
synth_design -top $top -part $part
opt_design
place_design
phys_opt_design
route_design
report_utilization -file [file join $out_dir utilization.rpt]
report_timing_summary -file [file join $out_dir timing.rpt]
set bitstream [file join $out_dir $top.bit]
write_bitstream -force $bitstream
flowswitch_summary [file join $out_dir summary.txt] $bitstream
