# Puts the flowswitch output-port-lookup core into a NetFPGA SUME reference_switch project, in place of the
# reference MAC-learning OPL, and builds the bitstream.
#
# Usage, with a NetFPGA-SUME-live checkout whose reference_switch project has been created once (its `make` in
# projects/reference_switch/hw runs reference_switch.tcl, which creates project/reference_switch.xpr):
#   1. in the flowswitch checkout: ./flowswitch synth --board netfpga-sume [--config FILE]
#      (writes the core's Verilog to bitstreams/netfpga-sume/out/rtl/)
#   2. vivado -mode batch -source add_to_reference_switch.tcl \
#       -tclargs <SUME checkout>/projects/reference_switch/hw/project/reference_switch.xpr <flowswitch>/bitstreams/netfpga-sume/out/rtl
#
# How it fits: the reference nf_datapath.v instantiates a module named output_port_lookup_ip (the Vivado IP
# instance of switch_output_port_lookup). flowswitch's core is a Verilog module of that name with the same ports,
# so this script removes the IP from the project and adds the generated Verilog; nf_datapath.v is not edited. The
# core's registers (the flowswitch register map, regmap.json) take the low 16 bits of the AXI4-Lite address: the
# OPL's window in the control interconnect must be 64 KB, as in the reference design (C_HIGHADDR 0x0000FFFF).
#
# Not run where flowswitch is developed (no Vivado, no SUME checkout there): it follows the reference project's
# own script (create_ip ... -module_name output_port_lookup_ip, runs synth and impl_1) and has not been executed.

if {[llength $argv] != 2} { error "usage: add_to_reference_switch.tcl PROJECT.xpr FLOWSWITCH_RTL_DIR" }
lassign $argv project rtl_dir

set core [file join $rtl_dir output_port_lookup_ip.v]
if {![file exists $core]} {
    error "no $core: run `./flowswitch synth --board netfpga-sume` in the flowswitch checkout first"
}
open_project $project

set ip [get_files -quiet output_port_lookup_ip.xci]
if {[llength $ip] > 0} {
    puts "flowswitch: removing the reference output_port_lookup_ip IP"
    export_ip_user_files -of_objects $ip -no_script -quiet
    remove_files $ip
}
puts "flowswitch: adding $core"
add_files -norecurse -fileset sources_1 [glob [file join $rtl_dir *.v]]
update_compile_order -fileset sources_1

# The reference script names its runs "synth" and "impl_1".
set synth_run [get_runs -quiet synth]
if {[llength $synth_run] == 0} { set synth_run [get_runs synth_1] }
reset_run $synth_run
launch_runs $synth_run
wait_on_run $synth_run
launch_runs impl_1 -to_step write_bitstream
wait_on_run impl_1
puts "flowswitch: bitstream in [get_property DIRECTORY [get_runs impl_1]]"
