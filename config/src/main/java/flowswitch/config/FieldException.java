package flowswitch.config;

/**
 * A value that breaks a rule of the object being built. The field is a path relative to that object, in the
 * YAML spelling ({@code servers[1].weight}), so the parser can prefix it and point at the line that holds it;
 * programmatic callers just see an {@link IllegalArgumentException} whose message names the field.
 */
final class FieldException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    FieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    String field() {
        return field;
    }

    String problem() {
        return problem;
    }
}
