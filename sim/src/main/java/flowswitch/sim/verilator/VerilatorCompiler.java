package flowswitch.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;

/** Runs verilator (and through its --build, make and g++) to turn Verilog plus the harness into a shared library. */
final class VerilatorCompiler {
    static final String LIBRARY = "libfsmodel.so";
    static final String LOG = "build.log";
    static final String HARNESS = "fs_harness.cpp";
    static final String EXPORTS = "exports.map";
    /** Only the C ABI leaves the library; everything Verilated stays local to it (see the harness header). */
    static final String EXPORTS_MAP = "{ global: fs_*; local: *; };\n";
    private static final String EXECUTABLE = "verilator";
    private static final String SOURCE_DIR = "src";
    private static final String OBJ_DIR = "obj";
    private static String version;

    record Result(int exitCode, Duration elapsed, Path log) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private VerilatorCompiler() {
    }

    /** The generated files a build of this top needs, by file name. */
    static Map<String, String> generatedFiles(TopLevel top) {
        return Map.of(HARNESS, HarnessGenerator.generate(top), EXPORTS, EXPORTS_MAP);
    }

    /** The flags that decide the output (and so go into the cache key); paths are relative to the work dir. */
    static List<String> flags(TopLevel top, SortedMap<String, String> parameters, TraceFormat trace) {
        List<String> flags = new ArrayList<>(List.of("--cc", "--exe", "--build", "-Wno-fatal",
                "--top-module", top.name(), "--prefix", "Vdut"));
        parameters.forEach((name, value) -> flags.add("-G" + name + "=" + value));
        flags.addAll(trace.verilatorFlags());
        // VL_USER_*: the harness turns $fatal/$stop/$finish into an error for the caller instead of abort().
        flags.addAll(List.of("-CFLAGS", "-fPIC -fvisibility=hidden -fvisibility-inlines-hidden"
                        + " -DVL_USER_FATAL -DVL_USER_STOP -DVL_USER_FINISH",
                "-LDFLAGS", "-shared -Wl,--version-script=../" + EXPORTS,
                // The design and harness are the hot path; the Verilated runtime is not worth -O2's compile time.
                "-MAKEFLAGS", "OPT_FAST=-O2 OPT_SLOW=-O1 OPT_GLOBAL=-O1",
                "-Mdir", OBJ_DIR, "-o", LIBRARY));
        return flags;
    }

    /** Asked once per JVM: the version decides the generated C++, so it is part of every cache key. */
    static synchronized String version() {
        if (version == null) {
            version = queryVersion();
        }
        return version;
    }

    /** Compiles into {@code workDir}; on success {@code workDir/LIBRARY} exists and the object files are gone. */
    static Result compile(Path workDir, BuildInputs inputs) {
        try {
            Path src = Files.createDirectories(workDir.resolve(SOURCE_DIR));
            List<String> command = new ArrayList<>();
            command.add(EXECUTABLE);
            command.addAll(inputs.flags());
            command.addAll(List.of("-j", Integer.toString(Math.min(4, Runtime.getRuntime().availableProcessors()))));
            for (Map.Entry<String, byte[]> source : inputs.sources().entrySet()) {
                Files.write(src.resolve(source.getKey()), source.getValue());
                command.add(SOURCE_DIR + "/" + source.getKey());
            }
            for (Map.Entry<String, String> file : inputs.generated().entrySet()) {
                Files.writeString(workDir.resolve(file.getKey()), file.getValue());
            }
            command.add(HARNESS);

            Path log = workDir.resolve(LOG);
            Files.writeString(log, "# " + inputs.toolVersion() + "\n# cd " + workDir + " && "
                    + String.join(" ", command.stream().map(VerilatorCompiler::quote).toList()) + "\n");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            int exit = waitFor(process);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Files.writeString(log, "# exit " + exit + " after " + elapsed.toMillis() + " ms\n", StandardOpenOption.APPEND);

            Path built = workDir.resolve(OBJ_DIR).resolve(LIBRARY);
            if (exit == 0 && !Files.isRegularFile(built)) {
                Files.writeString(log, "# verilator exited 0 but wrote no " + built + "\n", StandardOpenOption.APPEND);
                exit = -1;
            }
            if (exit == 0) {
                Files.move(built, workDir.resolve(LIBRARY), StandardCopyOption.ATOMIC_MOVE);
                PathTrees.deleteIfExists(workDir.resolve(OBJ_DIR));
            }
            return new Result(exit, elapsed, log);
        } catch (IOException e) {
            throw new UncheckedIOException("model build in " + workDir + " failed: " + e.getMessage(), e);
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ModelBuildException("interrupted while verilator was running; the build was abandoned");
        }
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./=+:-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static String queryVersion() {
        try {
            Process p = new ProcessBuilder(EXECUTABLE, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                throw new ModelBuildException("'verilator --version' failed (" + out + ");"
                        + " check the verilator installation");
            }
            return out;
        } catch (IOException e) {
            throw new ModelBuildException("verilator is not on PATH (" + e.getMessage() + ");"
                    + " install it (Debian: apt-get install verilator) and retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelBuildException("interrupted while asking verilator for its version");
        }
    }
}
