package flowswitch.sim.testbed;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the parts of a classpath that a build may rewrite (class directories and SNAPSHOT jars), so that a
 * process that runs for hours keeps loading the code it started with: a JVM loads classes lazily from its jars, and
 * a jar rebuilt under a running JVM makes its next class load fail. Released jars never change and are used in place.
 */
final class ClasspathSnapshot {
    private ClasspathSnapshot() {
    }

    /** Copies what may change into {@code dir} and returns the classpath to use instead of {@code classpath}. */
    static String of(String classpath, Path dir) {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path source = Path.of(entry);
            if (Files.isDirectory(source) || source.getFileName().toString().contains("-SNAPSHOT")) {
                Path copy = dir.resolve(n++ + "-" + source.getFileName());
                copy(source, copy);
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copy(Path source, Path target) {
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path p : tree.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new TestbedException("cannot copy " + source + " for the switch process: " + e.getMessage(), e);
        }
    }
}
