// One register stage between an AXI4-Stream slave and master. tready is combinational from the master side
// (s_tready = !full || m_tready), so harness backpressure reaches the input in the same cycle.
module loop_stage #(parameter W = 64) (
    input  wire           clk,
    input  wire           rst,
    input  wire [W-1:0]   s_tdata,
    input  wire [W/8-1:0] s_tkeep,
    input  wire           s_tvalid,
    input  wire           s_tlast,
    output wire           s_tready,
    output reg  [W-1:0]   m_tdata,
    output reg  [W/8-1:0] m_tkeep,
    output reg            m_tvalid,
    output reg            m_tlast,
    input  wire           m_tready
);
    assign s_tready = !m_tvalid || m_tready;

    always @(posedge clk) begin
        if (rst) begin
            m_tvalid <= 1'b0;
        end else if (s_tready) begin
            m_tvalid <= s_tvalid;
            m_tdata  <= s_tdata;
            m_tkeep  <= s_tkeep;
            m_tlast  <= s_tlast;
        end
    end
endmodule
