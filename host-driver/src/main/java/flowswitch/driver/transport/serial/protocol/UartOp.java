package flowswitch.driver.transport.serial.protocol;

/** The operation byte of a UART bridge request. */
public enum UartOp {
    READ(0x01),
    WRITE(0x02);

    private final int code;

    UartOp(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
