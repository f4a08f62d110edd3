package flowswitch.driver.cli;

import java.util.Locale;

/** Enum constants as users type and read them: lower case, as in the config file. */
final class Spelling {
    private Spelling() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static String hex(int value) {
        return String.format("0x%08x", value);
    }
}
