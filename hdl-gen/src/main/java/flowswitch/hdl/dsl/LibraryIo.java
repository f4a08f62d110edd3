package flowswitch.hdl.dsl;

import spinal.core.Component;

/**
 * The ports of a spinal.lib component. Scala declares most library components' ports in an anonymous
 * {@code io} bundle, whose members Java can only reach by reflection; this does that once, with a clear error when a
 * library version renames a port.
 */
public final class LibraryIo {
    private LibraryIo() {}

    /** {@code component.io.<name>}. */
    @SuppressWarnings("unchecked")
    public static <T> T port(Component component, String name) {
        Object io;
        try {
            io = component.getClass().getMethod("io").invoke(component);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(component.getClass().getName() + " has no io bundle: " + e, e);
        }
        try {
            return (T) io.getClass().getMethod(name).invoke(io);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(component.getClass().getName() + ".io has no port '" + name
                    + "' (spinal.lib changed shape?): " + e, e);
        }
    }
}
