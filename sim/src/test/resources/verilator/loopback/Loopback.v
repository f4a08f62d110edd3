// Test fixture for the Verilator runner, with the port conventions of the generated FlowSwitch top:
// three ports; port i's stream leaves on port (i+1)%3 through one register stage; an AXI4-Lite register file;
// the UART echoes rxd on txd one cycle later. tuser is ignored (frames pass whatever it says).
module Loopback #(parameter W = 64) (
    input  wire           clk,
    input  wire           rst,
    input  wire [W-1:0]   s_axis_0_tdata,
    input  wire [W/8-1:0] s_axis_0_tkeep,
    input  wire           s_axis_0_tvalid,
    input  wire           s_axis_0_tlast,
    input  wire           s_axis_0_tuser,
    output wire           s_axis_0_tready,
    output wire [W-1:0]   m_axis_0_tdata,
    output wire [W/8-1:0] m_axis_0_tkeep,
    output wire           m_axis_0_tvalid,
    output wire           m_axis_0_tlast,
    output wire           m_axis_0_tuser,
    input  wire           m_axis_0_tready,
    input  wire [W-1:0]   s_axis_1_tdata,
    input  wire [W/8-1:0] s_axis_1_tkeep,
    input  wire           s_axis_1_tvalid,
    input  wire           s_axis_1_tlast,
    input  wire           s_axis_1_tuser,
    output wire           s_axis_1_tready,
    output wire [W-1:0]   m_axis_1_tdata,
    output wire [W/8-1:0] m_axis_1_tkeep,
    output wire           m_axis_1_tvalid,
    output wire           m_axis_1_tlast,
    output wire           m_axis_1_tuser,
    input  wire           m_axis_1_tready,
    input  wire [W-1:0]   s_axis_2_tdata,
    input  wire [W/8-1:0] s_axis_2_tkeep,
    input  wire           s_axis_2_tvalid,
    input  wire           s_axis_2_tlast,
    input  wire           s_axis_2_tuser,
    output wire           s_axis_2_tready,
    output wire [W-1:0]   m_axis_2_tdata,
    output wire [W/8-1:0] m_axis_2_tkeep,
    output wire           m_axis_2_tvalid,
    output wire           m_axis_2_tlast,
    output wire           m_axis_2_tuser,
    input  wire           m_axis_2_tready,
    input  wire [15:0]    s_axil_awaddr,
    input  wire [2:0]     s_axil_awprot,
    input  wire           s_axil_awvalid,
    output wire           s_axil_awready,
    input  wire [31:0]    s_axil_wdata,
    input  wire [3:0]     s_axil_wstrb,
    input  wire           s_axil_wvalid,
    output wire           s_axil_wready,
    output wire [1:0]     s_axil_bresp,
    output wire           s_axil_bvalid,
    input  wire           s_axil_bready,
    input  wire [15:0]    s_axil_araddr,
    input  wire [2:0]     s_axil_arprot,
    input  wire           s_axil_arvalid,
    output wire           s_axil_arready,
    output wire [31:0]    s_axil_rdata,
    output wire [1:0]     s_axil_rresp,
    output wire           s_axil_rvalid,
    input  wire           s_axil_rready,
    input  wire           uart_rxd,
    output reg            uart_txd
);
    // The loopback never aborts a frame.
    assign m_axis_0_tuser = 1'b0;
    assign m_axis_1_tuser = 1'b0;
    assign m_axis_2_tuser = 1'b0;

    loop_stage #(.W(W)) stage_0 (
        .clk(clk), .rst(rst),
        .s_tdata(s_axis_0_tdata), .s_tkeep(s_axis_0_tkeep), .s_tvalid(s_axis_0_tvalid),
        .s_tlast(s_axis_0_tlast), .s_tready(s_axis_0_tready),
        .m_tdata(m_axis_1_tdata), .m_tkeep(m_axis_1_tkeep), .m_tvalid(m_axis_1_tvalid),
        .m_tlast(m_axis_1_tlast), .m_tready(m_axis_1_tready));
    loop_stage #(.W(W)) stage_1 (
        .clk(clk), .rst(rst),
        .s_tdata(s_axis_1_tdata), .s_tkeep(s_axis_1_tkeep), .s_tvalid(s_axis_1_tvalid),
        .s_tlast(s_axis_1_tlast), .s_tready(s_axis_1_tready),
        .m_tdata(m_axis_2_tdata), .m_tkeep(m_axis_2_tkeep), .m_tvalid(m_axis_2_tvalid),
        .m_tlast(m_axis_2_tlast), .m_tready(m_axis_2_tready));
    loop_stage #(.W(W)) stage_2 (
        .clk(clk), .rst(rst),
        .s_tdata(s_axis_2_tdata), .s_tkeep(s_axis_2_tkeep), .s_tvalid(s_axis_2_tvalid),
        .s_tlast(s_axis_2_tlast), .s_tready(s_axis_2_tready),
        .m_tdata(m_axis_0_tdata), .m_tkeep(m_axis_0_tkeep), .m_tvalid(m_axis_0_tvalid),
        .m_tlast(m_axis_0_tlast), .m_tready(m_axis_0_tready));

    axil_regs register_file (
        .clk(clk), .rst(rst),
        .s_axil_awaddr(s_axil_awaddr), .s_axil_awprot(s_axil_awprot), .s_axil_awvalid(s_axil_awvalid),
        .s_axil_awready(s_axil_awready), .s_axil_wdata(s_axil_wdata), .s_axil_wstrb(s_axil_wstrb),
        .s_axil_wvalid(s_axil_wvalid), .s_axil_wready(s_axil_wready), .s_axil_bresp(s_axil_bresp),
        .s_axil_bvalid(s_axil_bvalid), .s_axil_bready(s_axil_bready), .s_axil_araddr(s_axil_araddr),
        .s_axil_arprot(s_axil_arprot), .s_axil_arvalid(s_axil_arvalid), .s_axil_arready(s_axil_arready),
        .s_axil_rdata(s_axil_rdata), .s_axil_rresp(s_axil_rresp), .s_axil_rvalid(s_axil_rvalid),
        .s_axil_rready(s_axil_rready));

    always @(posedge clk) uart_txd <= rst ? 1'b1 : uart_rxd;
endmodule
