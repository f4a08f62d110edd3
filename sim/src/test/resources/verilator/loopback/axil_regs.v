// AXI4-Lite slave with four RW registers at 0x00..0x0C (byte strobes honoured) and a read-only ID at 0x10.
// Any other address answers SLVERR, except reads of 0xFFFC, which never complete: the harness's timeout
// path is tested against it (arready stays low, so an abandoned request leaves no state behind).
// A write to 0x00F0 executes $stop, to test that the harness turns it into an error instead of aborting.
module axil_regs (
    input  wire        clk,
    input  wire        rst,
    input  wire [15:0] s_axil_awaddr,
    input  wire [2:0]  s_axil_awprot,
    input  wire        s_axil_awvalid,
    output wire        s_axil_awready,
    input  wire [31:0] s_axil_wdata,
    input  wire [3:0]  s_axil_wstrb,
    input  wire        s_axil_wvalid,
    output wire        s_axil_wready,
    output reg  [1:0]  s_axil_bresp,
    output reg         s_axil_bvalid,
    input  wire        s_axil_bready,
    input  wire [15:0] s_axil_araddr,
    input  wire [2:0]  s_axil_arprot,
    input  wire        s_axil_arvalid,
    output wire        s_axil_arready,
    output reg  [31:0] s_axil_rdata,
    output reg  [1:0]  s_axil_rresp,
    output reg         s_axil_rvalid,
    input  wire        s_axil_rready
);
    localparam [31:0] ID = 32'h4C4F4F50;  // "LOOP"
    localparam [1:0] OKAY = 2'b00, SLVERR = 2'b10;

    reg [31:0] regs [0:3];

    // Address and data are taken in the same cycle, which a master that holds both valids until each is
    // accepted must cope with.
    wire write = s_axil_awvalid && s_axil_wvalid && !s_axil_bvalid;
    assign s_axil_awready = write;
    assign s_axil_wready  = write;
    wire write_hit = s_axil_awaddr[15:4] == 12'h000 && s_axil_awaddr[1:0] == 2'b00;

    wire read = s_axil_arvalid && !s_axil_rvalid && s_axil_araddr != 16'hFFFC;
    assign s_axil_arready = read;

    integer b;
    always @(posedge clk) begin
        if (rst) begin
            s_axil_bvalid <= 1'b0;
            s_axil_rvalid <= 1'b0;
            regs[0] <= 32'h0; regs[1] <= 32'h0; regs[2] <= 32'h0; regs[3] <= 32'h0;
        end else begin
            if (s_axil_bvalid && s_axil_bready) s_axil_bvalid <= 1'b0;
            if (write) begin
                s_axil_bvalid <= 1'b1;
                s_axil_bresp  <= write_hit ? OKAY : SLVERR;
                if (write_hit)
                    for (b = 0; b < 4; b = b + 1)
                        if (s_axil_wstrb[b]) regs[s_axil_awaddr[3:2]][8*b +: 8] <= s_axil_wdata[8*b +: 8];
            end
            if (s_axil_rvalid && s_axil_rready) s_axil_rvalid <= 1'b0;
            if (read) begin
                s_axil_rvalid <= 1'b1;
                if (s_axil_araddr[15:4] == 12'h000 && s_axil_araddr[1:0] == 2'b00) begin
                    s_axil_rdata <= regs[s_axil_araddr[3:2]];
                    s_axil_rresp <= OKAY;
                end else if (s_axil_araddr == 16'h0010) begin
                    s_axil_rdata <= ID;
                    s_axil_rresp <= OKAY;
                end else begin
                    s_axil_rdata <= 32'h0;
                    s_axil_rresp <= SLVERR;
                end
            end
        end
    end

    always @(posedge clk)
        if (!rst && write && s_axil_awaddr == 16'h00F0) $stop;
endmodule
