package meshplay.engine.model;

import java.nio.file.Path;
import java.util.List;

/** A playbook file with import_playbook already expanded into its plays, in order. */
public record Playbook(Path file, List<Play> plays) {
    public Playbook {
        plays = List.copyOf(plays);
    }
}
