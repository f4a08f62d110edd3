// Deliberately invalid Verilog: the runner must report the compiler's error, not hang or crash.
module Broken (input wire clk, output reg q);
    always @(posedge clk) q <= undeclared_signal +;
endmodule
