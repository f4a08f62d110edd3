package flowswitch.driver.api;

/**
 * What an insert did.
 *
 * @param entry    the entry as stored
 * @param replaced the connection was already in the table and changed server; otherwise it is new
 */
public record FlowInsert(FlowEntry entry, boolean replaced) {
}
