package flowswitch.hdl.synth;

import java.nio.file.Files;
import java.nio.file.Path;

/** The flowswitch checkout a build reads its constraint files and recipes from. */
public final class Checkout {
    private Checkout() {}

    /**
     * The nearest directory at or above {@code start} with {@code constraints/} and {@code bitstreams/}.
     *
     * @throws IllegalArgumentException when there is none, saying where to run from
     */
    public static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("constraints")) && Files.isDirectory(dir.resolve("bitstreams"))) return dir;
        }
        throw new IllegalArgumentException("no flowswitch checkout (a directory with constraints/ and bitstreams/) at"
                + " or above " + start.toAbsolutePath() + "; run synth from inside the checkout");
    }
}
