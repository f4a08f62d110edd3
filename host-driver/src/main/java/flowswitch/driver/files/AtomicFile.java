package flowswitch.driver.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a text file whole: to a temporary file beside it, then renamed over it, so no reader sees half a file. */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** @throws UncheckedIOException naming the file when it cannot be written */
    public static void write(Path file, String text) {
        Path temp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write already failed; a leftover temporary file is harmless and named for what it is.
        }
    }
}
