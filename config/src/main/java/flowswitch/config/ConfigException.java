package flowswitch.config;

/**
 * A config that cannot be used, located as precisely as known: the message reads
 * {@code basic.yaml:12:14: services[0].servers[1].mac: '02:00:zz' is not a MAC address; expected ...}.
 */
public class ConfigException extends Exception {
    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    /**
     * @param line   1-based, 0 if unknown (then the column is ignored)
     * @param column 1-based, 0 if unknown
     * @param field  a path such as {@code services[0].servers[1].mac}, empty if the problem is not about one field
     */
    public ConfigException(String source, int line, int column, String field, String problem) {
        super(format(source, line, column, field, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, int line, int column, String field, String problem) {
        return source + (line > 0 ? ":" + line + ":" + column : "") + ": "
                + (field.isEmpty() ? "" : field + ": ") + problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }

    /** What is wrong and what to do, without the location. */
    public String problem() {
        return problem;
    }
}
