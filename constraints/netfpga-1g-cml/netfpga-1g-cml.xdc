# flowswitch on the NetFPGA-1G-CML (Digilent/NetFPGA, XC7K325T-1FFG676).
# Top-level ports of NetFpga1gCml (hdl-gen flowswitch.hdl.board.cml); every port has a pin here and nothing else
# does (checked by BoardConstraintsTest). Part: xc7k325tffg676-1.
#
# Sources of the pin facts (facts only; nothing copied):
#  - NetFPGA/NetFPGA-1G-CML-live, projects/reference_switch_nf1_cml/hw/data/system.ucf: 200 MHz LVDS clock AA3/AA2,
#    the four RGMII PHYs (its PHY 1..4 are rgmii0..3 here), the PHY resets, the PMOD-B UART (RX H18, TX E15), the
#    reset button BTN4 on AA8 (named reset_n there), the RGMII receive window (data valid 4 ns, from 2 ns before each
#    clock edge: the PHYs delay their receive clock) and the 8 ns receive clock period.
#  - the-aerospace-corporation/satcat5, examples/netfpga constraints: the same pins, the I/O standards (RGMII at
#    LVCMOS18, PHY resets at LVCMOS33) and the four status LEDs (E17, AF14, F17, W19).
# The PHYs' MDIO (V13/W13) is not driven: the PHYs start from their strapped defaults and auto-negotiate; the
# switch's RGMII runs at 1000 Mb/s only.

set_property CFGBVS VCCO [current_design]
set_property CONFIG_VOLTAGE 3.3 [current_design]

## Clock: 200 MHz LVDS oscillator
set_property -dict {PACKAGE_PIN AA3 IOSTANDARD LVDS} [get_ports clk_200_p]
set_property -dict {PACKAGE_PIN AA2 IOSTANDARD LVDS} [get_ports clk_200_n]
create_clock -period 5.000 -name clk_200 [get_ports clk_200_p]
# The MMCM's outputs, named: the switch and transmit clock, and its 90-degree copy for the RGMII transmit clocks.
create_generated_clock -name clk_125 [get_pins mmcm/CLKOUT0]
create_generated_clock -name clk_125_90 [get_pins mmcm/CLKOUT1]

## Reset button BTN4 (active low)
set_property -dict {PACKAGE_PIN AA8 IOSTANDARD LVCMOS18} [get_ports reset_n]
set_false_path -from [get_ports reset_n]

## UART on PMOD JB (a PMOD-RS232 or USB-UART module): pin 3 receive, pin 4 transmit
set_property -dict {PACKAGE_PIN H18 IOSTANDARD LVCMOS33} [get_ports uart_rxd]
set_property -dict {PACKAGE_PIN E15 IOSTANDARD LVCMOS33} [get_ports uart_txd]
set_false_path -from [get_ports uart_rxd]
set_false_path -to [get_ports uart_txd]

## Status LEDs
set_property -dict {PACKAGE_PIN E17 IOSTANDARD LVCMOS33} [get_ports {led[0]}]
set_property -dict {PACKAGE_PIN AF14 IOSTANDARD LVCMOS18} [get_ports {led[1]}]
set_property -dict {PACKAGE_PIN F17 IOSTANDARD LVCMOS33} [get_ports {led[2]}]
set_property -dict {PACKAGE_PIN W19 IOSTANDARD LVCMOS18} [get_ports {led[3]}]
set_false_path -to [get_ports {led[*]}]

## PHY resets (active low)
set_property -dict {PACKAGE_PIN D18 IOSTANDARD LVCMOS33} [get_ports {phy_rst_n[0]}]
set_property -dict {PACKAGE_PIN E25 IOSTANDARD LVCMOS33} [get_ports {phy_rst_n[1]}]
set_property -dict {PACKAGE_PIN K21 IOSTANDARD LVCMOS33} [get_ports {phy_rst_n[2]}]
set_property -dict {PACKAGE_PIN L23 IOSTANDARD LVCMOS33} [get_ports {phy_rst_n[3]}]
set_false_path -to [get_ports {phy_rst_n[*]}]

## RGMII PHY 0 (reference UCF: PHY 1)
set_property -dict {PACKAGE_PIN E10 IOSTANDARD LVCMOS18} [get_ports rgmii0_rxc]
set_property -dict {PACKAGE_PIN B12 IOSTANDARD LVCMOS18} [get_ports rgmii0_rx_ctl]
set_property -dict {PACKAGE_PIN B11 IOSTANDARD LVCMOS18} [get_ports {rgmii0_rxd[0]}]
set_property -dict {PACKAGE_PIN A10 IOSTANDARD LVCMOS18} [get_ports {rgmii0_rxd[1]}]
set_property -dict {PACKAGE_PIN B10 IOSTANDARD LVCMOS18} [get_ports {rgmii0_rxd[2]}]
set_property -dict {PACKAGE_PIN A9 IOSTANDARD LVCMOS18} [get_ports {rgmii0_rxd[3]}]
set_property -dict {PACKAGE_PIN B9 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports rgmii0_txc]
set_property -dict {PACKAGE_PIN H8 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports rgmii0_tx_ctl]
set_property -dict {PACKAGE_PIN A8 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii0_txd[0]}]
set_property -dict {PACKAGE_PIN D8 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii0_txd[1]}]
set_property -dict {PACKAGE_PIN G9 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii0_txd[2]}]
set_property -dict {PACKAGE_PIN H9 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii0_txd[3]}]
create_clock -period 8.000 -name rgmii0_rxc [get_ports rgmii0_rxc]
set_input_delay -clock rgmii0_rxc -max 2.000 [get_ports {rgmii0_rxd[*] rgmii0_rx_ctl}]
set_input_delay -clock rgmii0_rxc -min 2.000 [get_ports {rgmii0_rxd[*] rgmii0_rx_ctl}]
set_input_delay -clock rgmii0_rxc -clock_fall -max -add_delay 2.000 [get_ports {rgmii0_rxd[*] rgmii0_rx_ctl}]
set_input_delay -clock rgmii0_rxc -clock_fall -min -add_delay 2.000 [get_ports {rgmii0_rxd[*] rgmii0_rx_ctl}]
# Transmit: the clock pin carries clk_125_90, so data (launched on clk_125) is centred on its edges; the
# PHY's window is RGMII v2.0's 1.0 ns setup and 0.8 ns hold.
create_generated_clock -name rgmii0_txc -source [get_pins mmcm/CLKOUT1] -multiply_by 1 [get_ports rgmii0_txc]
set_output_delay -clock rgmii0_txc -max 1.000 [get_ports {rgmii0_txd[*] rgmii0_tx_ctl}]
set_output_delay -clock rgmii0_txc -min -0.800 [get_ports {rgmii0_txd[*] rgmii0_tx_ctl}]
set_output_delay -clock rgmii0_txc -clock_fall -max -add_delay 1.000 [get_ports {rgmii0_txd[*] rgmii0_tx_ctl}]
set_output_delay -clock rgmii0_txc -clock_fall -min -add_delay -0.800 [get_ports {rgmii0_txd[*] rgmii0_tx_ctl}]

## RGMII PHY 1 (reference UCF: PHY 2)
set_property -dict {PACKAGE_PIN C12 IOSTANDARD LVCMOS18} [get_ports rgmii1_rxc]
set_property -dict {PACKAGE_PIN A12 IOSTANDARD LVCMOS18} [get_ports rgmii1_rx_ctl]
set_property -dict {PACKAGE_PIN A13 IOSTANDARD LVCMOS18} [get_ports {rgmii1_rxd[0]}]
set_property -dict {PACKAGE_PIN C9 IOSTANDARD LVCMOS18} [get_ports {rgmii1_rxd[1]}]
set_property -dict {PACKAGE_PIN D11 IOSTANDARD LVCMOS18} [get_ports {rgmii1_rxd[2]}]
set_property -dict {PACKAGE_PIN C11 IOSTANDARD LVCMOS18} [get_ports {rgmii1_rxd[3]}]
set_property -dict {PACKAGE_PIN J10 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports rgmii1_txc]
set_property -dict {PACKAGE_PIN F8 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports rgmii1_tx_ctl]
set_property -dict {PACKAGE_PIN D10 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii1_txd[0]}]
set_property -dict {PACKAGE_PIN G10 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii1_txd[1]}]
set_property -dict {PACKAGE_PIN D9 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii1_txd[2]}]
set_property -dict {PACKAGE_PIN F9 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii1_txd[3]}]
create_clock -period 8.000 -name rgmii1_rxc [get_ports rgmii1_rxc]
set_input_delay -clock rgmii1_rxc -max 2.000 [get_ports {rgmii1_rxd[*] rgmii1_rx_ctl}]
set_input_delay -clock rgmii1_rxc -min 2.000 [get_ports {rgmii1_rxd[*] rgmii1_rx_ctl}]
set_input_delay -clock rgmii1_rxc -clock_fall -max -add_delay 2.000 [get_ports {rgmii1_rxd[*] rgmii1_rx_ctl}]
set_input_delay -clock rgmii1_rxc -clock_fall -min -add_delay 2.000 [get_ports {rgmii1_rxd[*] rgmii1_rx_ctl}]
# Transmit: the clock pin carries clk_125_90, so data (launched on clk_125) is centred on its edges; the
# PHY's window is RGMII v2.0's 1.0 ns setup and 0.8 ns hold.
create_generated_clock -name rgmii1_txc -source [get_pins mmcm/CLKOUT1] -multiply_by 1 [get_ports rgmii1_txc]
set_output_delay -clock rgmii1_txc -max 1.000 [get_ports {rgmii1_txd[*] rgmii1_tx_ctl}]
set_output_delay -clock rgmii1_txc -min -0.800 [get_ports {rgmii1_txd[*] rgmii1_tx_ctl}]
set_output_delay -clock rgmii1_txc -clock_fall -max -add_delay 1.000 [get_ports {rgmii1_txd[*] rgmii1_tx_ctl}]
set_output_delay -clock rgmii1_txc -clock_fall -min -add_delay -0.800 [get_ports {rgmii1_txd[*] rgmii1_tx_ctl}]

## RGMII PHY 2 (reference UCF: PHY 3)
set_property -dict {PACKAGE_PIN E11 IOSTANDARD LVCMOS18} [get_ports rgmii2_rxc]
set_property -dict {PACKAGE_PIN C13 IOSTANDARD LVCMOS18} [get_ports rgmii2_rx_ctl]
set_property -dict {PACKAGE_PIN A14 IOSTANDARD LVCMOS18} [get_ports {rgmii2_rxd[0]}]
set_property -dict {PACKAGE_PIN B14 IOSTANDARD LVCMOS18} [get_ports {rgmii2_rxd[1]}]
set_property -dict {PACKAGE_PIN E12 IOSTANDARD LVCMOS18} [get_ports {rgmii2_rxd[2]}]
set_property -dict {PACKAGE_PIN D13 IOSTANDARD LVCMOS18} [get_ports {rgmii2_rxd[3]}]
set_property -dict {PACKAGE_PIN E13 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports rgmii2_txc]
set_property -dict {PACKAGE_PIN F10 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports rgmii2_tx_ctl]
set_property -dict {PACKAGE_PIN G12 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii2_txd[0]}]
set_property -dict {PACKAGE_PIN F13 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii2_txd[1]}]
set_property -dict {PACKAGE_PIN F12 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii2_txd[2]}]
set_property -dict {PACKAGE_PIN H11 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii2_txd[3]}]
create_clock -period 8.000 -name rgmii2_rxc [get_ports rgmii2_rxc]
set_input_delay -clock rgmii2_rxc -max 2.000 [get_ports {rgmii2_rxd[*] rgmii2_rx_ctl}]
set_input_delay -clock rgmii2_rxc -min 2.000 [get_ports {rgmii2_rxd[*] rgmii2_rx_ctl}]
set_input_delay -clock rgmii2_rxc -clock_fall -max -add_delay 2.000 [get_ports {rgmii2_rxd[*] rgmii2_rx_ctl}]
set_input_delay -clock rgmii2_rxc -clock_fall -min -add_delay 2.000 [get_ports {rgmii2_rxd[*] rgmii2_rx_ctl}]
# Transmit: the clock pin carries clk_125_90, so data (launched on clk_125) is centred on its edges; the
# PHY's window is RGMII v2.0's 1.0 ns setup and 0.8 ns hold.
create_generated_clock -name rgmii2_txc -source [get_pins mmcm/CLKOUT1] -multiply_by 1 [get_ports rgmii2_txc]
set_output_delay -clock rgmii2_txc -max 1.000 [get_ports {rgmii2_txd[*] rgmii2_tx_ctl}]
set_output_delay -clock rgmii2_txc -min -0.800 [get_ports {rgmii2_txd[*] rgmii2_tx_ctl}]
set_output_delay -clock rgmii2_txc -clock_fall -max -add_delay 1.000 [get_ports {rgmii2_txd[*] rgmii2_tx_ctl}]
set_output_delay -clock rgmii2_txc -clock_fall -min -add_delay -0.800 [get_ports {rgmii2_txd[*] rgmii2_tx_ctl}]

## RGMII PHY 3 (reference UCF: PHY 4)
set_property -dict {PACKAGE_PIN G11 IOSTANDARD LVCMOS18} [get_ports rgmii3_rxc]
set_property -dict {PACKAGE_PIN A15 IOSTANDARD LVCMOS18} [get_ports rgmii3_rx_ctl]
set_property -dict {PACKAGE_PIN B15 IOSTANDARD LVCMOS18} [get_ports {rgmii3_rxd[0]}]
set_property -dict {PACKAGE_PIN F14 IOSTANDARD LVCMOS18} [get_ports {rgmii3_rxd[1]}]
set_property -dict {PACKAGE_PIN C14 IOSTANDARD LVCMOS18} [get_ports {rgmii3_rxd[2]}]
set_property -dict {PACKAGE_PIN H12 IOSTANDARD LVCMOS18} [get_ports {rgmii3_rxd[3]}]
set_property -dict {PACKAGE_PIN D14 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports rgmii3_txc]
set_property -dict {PACKAGE_PIN J11 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports rgmii3_tx_ctl]
set_property -dict {PACKAGE_PIN J13 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii3_txd[0]}]
set_property -dict {PACKAGE_PIN G14 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii3_txd[1]}]
set_property -dict {PACKAGE_PIN H14 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii3_txd[2]}]
set_property -dict {PACKAGE_PIN H13 IOSTANDARD LVCMOS18 SLEW FAST} [get_ports {rgmii3_txd[3]}]
create_clock -period 8.000 -name rgmii3_rxc [get_ports rgmii3_rxc]
set_input_delay -clock rgmii3_rxc -max 2.000 [get_ports {rgmii3_rxd[*] rgmii3_rx_ctl}]
set_input_delay -clock rgmii3_rxc -min 2.000 [get_ports {rgmii3_rxd[*] rgmii3_rx_ctl}]
set_input_delay -clock rgmii3_rxc -clock_fall -max -add_delay 2.000 [get_ports {rgmii3_rxd[*] rgmii3_rx_ctl}]
set_input_delay -clock rgmii3_rxc -clock_fall -min -add_delay 2.000 [get_ports {rgmii3_rxd[*] rgmii3_rx_ctl}]
# Transmit: the clock pin carries clk_125_90, so data (launched on clk_125) is centred on its edges; the
# PHY's window is RGMII v2.0's 1.0 ns setup and 0.8 ns hold.
create_generated_clock -name rgmii3_txc -source [get_pins mmcm/CLKOUT1] -multiply_by 1 [get_ports rgmii3_txc]
set_output_delay -clock rgmii3_txc -max 1.000 [get_ports {rgmii3_txd[*] rgmii3_tx_ctl}]
set_output_delay -clock rgmii3_txc -min -0.800 [get_ports {rgmii3_txd[*] rgmii3_tx_ctl}]
set_output_delay -clock rgmii3_txc -clock_fall -max -add_delay 1.000 [get_ports {rgmii3_txd[*] rgmii3_tx_ctl}]
set_output_delay -clock rgmii3_txc -clock_fall -min -add_delay -0.800 [get_ports {rgmii3_txd[*] rgmii3_tx_ctl}]

## Clock domain crossings: every crossing goes through a spinal.lib StreamFifoCC or a two-register synchronizer.
set_clock_groups -asynchronous -group [get_clocks -include_generated_clocks clk_200] \
    -group [get_clocks rgmii0_rxc] -group [get_clocks rgmii1_rxc] -group [get_clocks rgmii2_rxc] \
    -group [get_clocks rgmii3_rxc]
