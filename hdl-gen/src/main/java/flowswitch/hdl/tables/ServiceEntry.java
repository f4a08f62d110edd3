package flowswitch.hdl.tables;

import flowswitch.hdl.dsl.BitLayout;

/** One slot of the service table as the datapath sees it (the register block stages and commits whole slots). */
public final class ServiceEntry {
    private ServiceEntry() {}

    /** Scheduler codes, as written to SVC_CFG.scheduler. */
    public static final int SCHED_RR = 0;
    public static final int SCHED_WRR = 1;
    public static final int SCHED_LC = 2;
    public static final int SCHED_WLC = 3;
    public static final int SCHED_MH = 4;
    /** {@code on_server_down} codes (ServerDownPolicy). */
    public static final int ON_SERVER_DOWN_REASSIGN = 0;
    public static final int ON_SERVER_DOWN_DROP = 1;

    public static final BitLayout LAYOUT = BitLayout.builder("ServiceEntry")
            .field("enable", 1)
            .field("vip", 32)
            .field("proto", 8)
            .field("port", 16)
            .field("scheduler", 3)
            .field("on_server_down", 1)
            .build();
}
