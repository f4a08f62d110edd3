package flowswitch.sim.demo;

/** What {@code flowswitch demo} runs. */
public enum DemoMode {
    /** Real Linux hosts (network namespaces), curl and HTTP servers talking through the simulated switch. */
    TESTBED,
    /** Generated frames pushed through the simulated switch inside this process: runs anywhere Verilator does. */
    IN_PROCESS
}
