package flowswitch.hdl.synth;

import flowswitch.config.HardwareParams;
import java.nio.file.Path;

/**
 * One build: what to build ({@code board}, {@code design}, {@code hw}), from which checkout (its constraint files and
 * recipes), and where the outputs go. A request the board cannot build is refused here, before anything runs.
 */
public record SynthRequest(Board board, BoardDesign design, HardwareParams hw, Path repo, Path outDir) {
    public SynthRequest {
        if (board == null || design == null || hw == null || repo == null || outDir == null) {
            throw new IllegalArgumentException("a synthesis request needs a board, a design, hardware parameters, the"
                    + " checkout and an output directory");
        }
        BoardTops.validate(board, design, hw);
        // The tools run in the output directory: every path handed to them must be absolute.
        repo = repo.toAbsolutePath().normalize();
        outDir = outDir.toAbsolutePath().normalize();
    }

    /** The default output directory: {@code bitstreams/<board>/out/} (ignored by git). */
    public static Path defaultOutDir(Path repo, Board board) {
        return board.recipeDirectory(repo).resolve("out");
    }
}
