package flowswitch.hdl.dsl;

/** Java field names (camelCase) to Verilog-style names (snake_case), so {@code sAxisTdata} becomes {@code s_axis_tdata}. */
public final class Names {
    private Names() {}

    public static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0 && camel.charAt(i - 1) != '_') out.append('_');
                out.append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
