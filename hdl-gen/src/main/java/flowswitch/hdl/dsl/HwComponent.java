package flowswitch.hdl.dsl;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import spinal.core.Component;
import spinal.core.Data;
import spinal.core.Nameable;

/**
 * Base of every hardware component written in Java.
 *
 * <p>SpinalHDL's Scala plugin names each {@code val} and closes the component after its constructor; Java has no such
 * hook, so a component is created through {@link #build} which names every field that holds hardware (signals,
 * streams, memories, sub-components, and arrays or lists of them, as {@code name_0, name_1, ...}) and then closes the
 * component. Signals held only in local variables keep SpinalHDL's generated names.
 */
public abstract class HwComponent extends Component {

    /** Finishes a component right after its constructor: {@code Parser p = build(new Parser(cfg));}. */
    public static <T extends HwComponent> T build(T component) {
        if (Component.current() != component) {
            throw new IllegalStateException("component " + component.getClass().getSimpleName() + " (open: " + Component.current() + ")"
                    + " was built while another component was still open: wrap every 'new' of a component in build(...)");
        }
        component.nameFields();
        component.postInitCallback();
        return component;
    }

    /** Sets the Verilog module name (defaults to the Java class name). */
    protected void moduleName(String name) {
        setDefinitionName(name, true);
    }

    void nameFields() {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = getClass(); c != null && HwComponent.class.isAssignableFrom(c); c = c.getSuperclass()) chain.add(0, c);
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
                f.setAccessible(true);
                Object value;
                try {
                    value = f.get(this);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                name(value, Names.snake(f.getName()));
            }
        }
    }

    private void name(Object value, String name) {
        if (value == null) return;
        if (value instanceof Nameable n) {
            if (!(value instanceof Data d) || d.component() == this || value instanceof Component
                    || d.component() == null) {
                valCallback(n, name);
            }
        } else if (value instanceof Object[] array) {
            for (int i = 0; i < array.length; i++) name(array[i], name + "_" + i);
        } else if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object o : list) name(o, name + "_" + i++);
        }
    }
}
