package flowswitch.config;

import java.util.Locale;

/** Enum constants are written in lower case in the config file; reader and writer share this one spelling. */
final class YamlSpelling {
    private YamlSpelling() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
