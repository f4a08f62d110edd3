package flowswitch.hdl.dsl;

import spinal.idslplugin.Location;

/**
 * Source locations for SpinalHDL statements. The Scala compiler plugin fills these in implicitly; from Java we take
 * the first caller outside this package, so generated names such as {@code when_Parser_l42} point at our sources.
 */
final class Loc {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final String DSL_PACKAGE = Loc.class.getPackageName() + ".";

    private Loc() {}

    static Location here() {
        return WALKER.walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith(DSL_PACKAGE))
                .findFirst()
                .map(f -> new Location(simpleFile(f.getFileName()), f.getLineNumber(), 0))
                .orElse(new Location("Unknown", 0, 0)));
    }

    private static String simpleFile(String file) {
        if (file == null) return "Unknown";
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
