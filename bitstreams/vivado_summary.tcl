# Shared by the Vivado recipes of the NetFPGA boards: writes summary.txt, which `flowswitch synth` reads
# (hdl-gen flowswitch.hdl.synth.VivadoFlow): "<resource> <used>" lines (LUT, FF, BRAM36, DSP, as Vivado's
# utilization report counts them), "clock <name> <period_ns> <setup_wns_ns>" per clock with timed paths, and
# "bitstream <file>" when there is one.

proc flowswitch_count {report pattern} {
    if {[regexp -line $pattern $report -> value]} { return $value }
    error "flowswitch: report_utilization has no line matching $pattern"
}

proc flowswitch_summary {file bitstream} {
    set report [report_utilization -return_string]
    set out [open $file w]
    puts $out "LUT [flowswitch_count $report {^\|\s*Slice LUTs\*?\s*\|\s*([0-9]+)}]"
    puts $out "FF [flowswitch_count $report {^\|\s*Slice Registers\s*\|\s*([0-9]+)}]"
    puts $out "BRAM36 [flowswitch_count $report {^\|\s*Block RAM Tile\s*\|\s*([0-9.]+)}]"
    puts $out "DSP [flowswitch_count $report {^\|\s*DSPs\s*\|\s*([0-9]+)}]"
    foreach clock [get_clocks] {
        set path [get_timing_paths -quiet -setup -max_paths 1 -nworst 1 -group $clock]
        if {[llength $path] == 0} { continue }
        set slack [get_property SLACK $path]
        if {$slack eq ""} { continue }
        puts $out "clock [get_property NAME $clock] [get_property PERIOD $clock] $slack"
    }
    if {$bitstream ne ""} { puts $out "bitstream $bitstream" }
    close $out
}
