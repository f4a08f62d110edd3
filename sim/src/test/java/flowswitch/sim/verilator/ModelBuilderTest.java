package flowswitch.sim.verilator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBuilderTest {
    @TempDir
    Path cache;

    @Test
    void concurrentBuildsCompileOnceAndLaterBuildsHitTheCache() throws IOException {
        ModelBuilder builder = LoopbackFixture.builder(64).withCacheRoot(cache);
        CompletableFuture<BuiltModel> first = CompletableFuture.supplyAsync(builder::build);
        CompletableFuture<BuiltModel> second = CompletableFuture.supplyAsync(builder::build);
        List<BuiltModel> built = List.of(first.join(), second.join());

        assertEquals(1, built.stream().filter(b -> !b.fromCache()).count(), "exactly one build compiled");
        assertEquals(built.get(0).directory(), built.get(1).directory());
        BuiltModel compiled = built.stream().filter(b -> !b.fromCache()).findFirst().orElseThrow();
        System.out.printf("Loopback W=64 (no trace) compiled in %d ms%n", compiled.compileTime().toMillis());
        assertTrue(compiled.compileTime().toMillis() > 0);
        assertTrue(Files.readString(compiled.buildLog()).contains("verilator"), "the log holds the compiler run");
        assertEquals(cache.resolve("models").resolve(compiled.hash()), compiled.directory());
        FileTime libraryTime = Files.getLastModifiedTime(compiled.library());
        FileTime logTime = Files.getLastModifiedTime(compiled.buildLog());

        BuiltModel again = builder.build();
        assertTrue(again.fromCache());
        assertEquals(compiled.hash(), again.hash());
        assertEquals(compiled.compileTime().toMillis(), again.compileTime().toMillis(), "the original compile time is kept");
        assertEquals(libraryTime, Files.getLastModifiedTime(again.library()), "library not rebuilt");
        assertEquals(logTime, Files.getLastModifiedTime(again.buildLog()), "compiler not run again");
        try (Stream<Path> entries = Files.list(cache.resolve("models"))) {
            assertFalse(entries.anyMatch(p -> p.getFileName().toString().startsWith(".staging")), "no staging left");
        }
        try (VerilatedModel dut = again.open()) {
            dut.reset(2);
            dut.pushFrame(0, new byte[] {9, 8, 7});
            dut.runUntilIdle(1000, 10);
            assertArrayEquals(new byte[] {9, 8, 7}, dut.popFrame(1).orElseThrow().data());
        }
    }

    @Test
    void theHashCoversParametersTraceAndSources(@TempDir Path copy) throws IOException {
        String base = hash(LoopbackFixture.builder(64));
        assertEquals(base, hash(LoopbackFixture.builder(64)));
        assertNotEquals(base, hash(LoopbackFixture.builder(64).withParameter("W", "128")));
        assertNotEquals(base, hash(LoopbackFixture.builder(64).withTrace(TraceFormat.FST)));

        Path original = LoopbackFixture.resource("loopback");
        try (Stream<Path> files = Files.list(original)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        ModelBuilder copied = ModelBuilder.of(copy, LoopbackFixture.top(64)).withParameter("W", "64")
                .withCacheRoot(LoopbackFixture.CACHE);
        assertEquals(base, hash(copied), "the directory's location is not an input");
        Files.writeString(copy.resolve("loop_stage.v"), "// changed\n", java.nio.file.StandardOpenOption.APPEND);
        assertNotEquals(base, hash(copied));
    }

    @Test
    void brokenVerilogFailsWithTheCompilerErrorAndTheLog() throws IOException {
        ModelBuilder builder = ModelBuilder.of(LoopbackFixture.resource("broken"), new TopLevel("Broken", 1, 64))
                .withCacheRoot(cache);
        ModelBuildException e = assertThrows(ModelBuildException.class, builder::build);
        Path log = e.log().orElseThrow();
        assertTrue(Files.isRegularFile(log), log.toString());
        assertTrue(e.getMessage().contains(log.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("%Error"), e.getMessage());
        assertTrue(e.getMessage().contains("Broken.v:3"), "names the bad line: " + e.getMessage());
        try (Stream<Path> entries = Files.list(cache.resolve("models"))) {
            assertEquals(List.of(log.getFileName().toString()), entries.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".lock")).toList(), "only the failure's log is left");
        }
    }

    @Test
    void aMissingOrEmptyDirectorySaysWhatToDo(@TempDir Path empty) {
        TopLevel top = LoopbackFixture.top(64);
        ModelBuildException missing = assertThrows(ModelBuildException.class,
                () -> ModelBuilder.of(empty.resolve("nope"), top).withCacheRoot(cache).build());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        ModelBuildException none = assertThrows(ModelBuildException.class,
                () -> ModelBuilder.of(empty, top).withCacheRoot(cache).build());
        assertTrue(none.getMessage().contains("no Verilog"), none.getMessage());
    }

    @Test
    void parametersMustBeVerilogLiterals() {
        ModelBuilder builder = LoopbackFixture.builder(64);
        assertThrows(IllegalArgumentException.class, () -> builder.withParameter("W", "64; rm -rf"));
        assertThrows(IllegalArgumentException.class, () -> builder.withParameter("9W", "64"));
    }

    private static String hash(ModelBuilder b) {
        return BuildInputs.collect(b.sourceDir(), VerilatorCompiler.generatedFiles(b.top()),
                VerilatorCompiler.flags(b.top(), b.parameters(), b.trace()), VerilatorCompiler.version()).sha256();
    }
}
