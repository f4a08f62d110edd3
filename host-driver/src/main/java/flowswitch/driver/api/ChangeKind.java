package flowswitch.driver.api;

/** What a {@link ConfigChange} does to its slot or setting. */
public enum ChangeKind {
    ADD, REMOVE, MODIFY,
    /** Only the host-side name changes; nothing is written to the device. */
    RENAME
}
