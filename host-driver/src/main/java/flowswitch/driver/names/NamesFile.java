package flowswitch.driver.names;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import flowswitch.driver.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * names.json, kept next to regmap.json: {@code {"services": {"0": "web"}, "servers": {"0": "web-1"},
 * "routers": {"0": "r1"}}}. Written
 * whole to a temporary file and renamed over the old one, so a reader never sees half a file.
 */
public final class NamesFile {
    public static final String FILE_NAME = "names.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Path file;

    public NamesFile(Path file) {
        this.file = file;
    }

    /** The names file that belongs with the register map {@code regmap}. */
    public static NamesFile nextTo(Path regmap) {
        return new NamesFile(regmap.toAbsolutePath().resolveSibling(FILE_NAME));
    }

    public Path path() {
        return file;
    }

    /**
     * The names in the file; none when it does not exist yet.
     *
     * @throws IllegalArgumentException when the file is not a names file, saying how to recover
     * @throws UncheckedIOException when it cannot be read
     */
    public SlotNames load() {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return SlotNames.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            Stored stored = JSON.readValue(text, Stored.class);
            return new SlotNames(orEmpty(stored.services()), orEmpty(stored.servers()), orEmpty(stored.routers()));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not a valid names file (" + e.getOriginalMessage()
                    + "); fix it, or delete it and run `fsctl apply` to write it again", e);
        }
    }

    /** @throws UncheckedIOException when the file cannot be written */
    public void save(SlotNames names) {
        String text;
        try {
            text = JSON.writeValueAsString(new Stored(new TreeMap<>(names.services()), new TreeMap<>(names.servers()),
                    new TreeMap<>(names.routers())));
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write names as JSON", e);
        }
        AtomicFile.write(file, text);
    }

    private static Map<Integer, String> orEmpty(Map<Integer, String> names) {
        return names == null ? Map.of() : names;
    }

    /** The file's JSON shape. */
    record Stored(Map<Integer, String> services, Map<Integer, String> servers, Map<Integer, String> routers) {
    }
}
