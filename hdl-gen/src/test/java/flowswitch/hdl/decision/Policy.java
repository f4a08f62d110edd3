package flowswitch.hdl.decision;

import flowswitch.hdl.tables.ServiceEntry;

/** The scheduler codes a service slot may hold, as the tests use them. */
enum Policy {
    RR(ServiceEntry.SCHED_RR), WRR(ServiceEntry.SCHED_WRR), LC(ServiceEntry.SCHED_LC), WLC(ServiceEntry.SCHED_WLC),
    MH(ServiceEntry.SCHED_MH);

    private final int code;

    Policy(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
