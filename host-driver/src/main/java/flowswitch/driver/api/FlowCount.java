package flowswitch.driver.api;

/**
 * How full the flow table is.
 *
 * @param flows     live entries (FLOW_OCCUPANCY)
 * @param inStash   how many of them sit in the stash (FLOW_STASH_OCCUPANCY), which new flows need when their rows
 *                  are taken
 * @param tableSize the table's rows over all ways (flow_table_size)
 */
public record FlowCount(int flows, int inStash, int tableSize) {
}
