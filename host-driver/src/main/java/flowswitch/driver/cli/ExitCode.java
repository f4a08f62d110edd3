package flowswitch.driver.cli;

/** fsctl's exit status. */
enum ExitCode {
    OK(0),
    /** The device failed or refused: bus error, identity mismatch, I/O. */
    DEVICE_ERROR(1),
    /** The command line or an input file is wrong; nothing was changed. */
    BAD_INPUT(2);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }
}
