package flowswitch.driver.api;

/**
 * What adding a flow did.
 *
 * @param replaced the connection was already in the table and now goes to the named server instead
 */
public record NamedFlowInsert(NamedFlow flow, boolean replaced) {
}
