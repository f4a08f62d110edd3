# flowswitch as the NetFPGA SUME reference pipeline's output-port-lookup core (NetFpgaSumeOpl, module
# output_port_lookup_ip), for out-of-context synthesis and implementation of the core on xc7vx690tffg1761-3.
#
# The core has no package pins: it sits inside the reference_switch design, whose own constraint files
# (constraints/nf_sume_general.xdc, constraints/nf_sume_10g.xdc in a NetFPGA-SUME-live checkout) place the 200 MHz
# clock, the four SFP+ transceivers, the UART, the reset button and the LEDs; bitstreams/netfpga-sume/README.md lists
# those facts. Here every port of the core is timed instead: its two clocks, and input and output delays that leave
# each path between the core and its neighbours 40% of the period on each side (checked by BoardConstraintsTest).
#
# Clock facts from NetFPGA-SUME-live (projects/reference_switch/hw/tcl/reference_switch.tcl: the datapath's
# axis_aclk is the 200 MHz clock wizard output; the control interconnect, S_AXI_ACLK, runs at 100 MHz).

create_clock -period 5.000 -name axis_aclk [get_ports axis_aclk]
create_clock -period 10.000 -name S_AXI_ACLK [get_ports S_AXI_ACLK]
set_clock_groups -asynchronous -group [get_clocks axis_aclk] -group [get_clocks S_AXI_ACLK]

# Datapath streams (axis_aclk)
set_input_delay -clock axis_aclk 2.000 [get_ports {s_axis_tdata[*] s_axis_tkeep[*] s_axis_tuser[*] s_axis_tvalid s_axis_tlast m_axis_tready}]
set_output_delay -clock axis_aclk 2.000 [get_ports {m_axis_tdata[*] m_axis_tkeep[*] m_axis_tuser[*] m_axis_tvalid m_axis_tlast s_axis_tready}]

# Register bus (S_AXI_ACLK)
set_input_delay -clock S_AXI_ACLK 4.000 [get_ports {S_AXI_AWADDR[*] S_AXI_AWVALID S_AXI_WDATA[*] S_AXI_WSTRB[*] S_AXI_WVALID S_AXI_BREADY S_AXI_ARADDR[*] S_AXI_ARVALID S_AXI_RREADY}]
set_output_delay -clock S_AXI_ACLK 4.000 [get_ports {S_AXI_ARREADY S_AXI_RDATA[*] S_AXI_RRESP[*] S_AXI_RVALID S_AXI_WREADY S_AXI_BRESP[*] S_AXI_BVALID S_AXI_AWREADY}]

# Resets: synchronized inside the core (two registers on each clock)
set_false_path -from [get_ports {axis_resetn S_AXI_ARESETN}]
