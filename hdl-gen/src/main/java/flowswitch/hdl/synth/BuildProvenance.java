package flowswitch.hdl.synth;

import java.nio.file.Path;
import java.util.List;

/** Which sources a build came from: the git commit of the checkout, and whether it had uncommitted changes. */
public record BuildProvenance(String gitCommit, boolean dirty) {
    /** @param repo the checkout; when it is not a git checkout (a source tarball) the commit is {@code unknown} */
    public static BuildProvenance of(Path repo) {
        String commit = ToolRunner.firstLine(List.of("git", "-C", repo.toString(), "rev-parse", "HEAD"));
        boolean dirty = ToolRunner.output(List.of("git", "-C", repo.toString(), "status", "--porcelain",
                "--untracked-files=no")).map(changes -> !changes.isEmpty()).orElse(false);
        return new BuildProvenance(commit, dirty);
    }
}
