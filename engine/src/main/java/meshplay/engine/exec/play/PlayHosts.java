package meshplay.engine.exec.play;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.exec.KeywordEvaluator;
import meshplay.engine.exec.RunContext;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.model.Play;
import meshplay.engine.template.Templar;

/**
 * A play's hosts: its pattern (templated with extra vars) matched in the inventory, intersected with
 * --limit, in the play's `order` (inventory, reverse_inventory, sorted, reverse_sorted, shuffle).
 */
public final class PlayHosts {
    private PlayHosts() {
    }

    static List<String> select(RunContext run, Play play) {
        return select(run.inventory, run.templar, run.options.extraVars, run.options.limit, play);
    }

    public static List<String> select(Inventory inventory, Templar templar, Map<String, Object> extraVars, String limit, Play play) {
        Object rendered = play.hosts() == null ? "" : templar.render(play.hosts(), extraVars);
        String pattern = rendered instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(rendered);
        List<String> hosts = new ArrayList<>(inventory.match(pattern.trim()));
        if (limit != null && !limit.isBlank()) {
            Set<String> allowed = new LinkedHashSet<>(inventory.match(limit));
            hosts.removeIf(h -> !allowed.contains(h));
        }
        return ordered(hosts, new KeywordEvaluator(templar).value(play.order(), extraVars, "inventory"));
    }

    /** The hosts in the given order; the loader has already refused any other value. */
    public static List<String> ordered(List<String> hosts, String order) {
        List<String> out = new ArrayList<>(hosts);
        switch (order) {
            case "reverse_inventory" -> Collections.reverse(out);
            case "sorted" -> Collections.sort(out);
            case "reverse_sorted" -> out.sort(Collections.reverseOrder());
            case "shuffle" -> Collections.shuffle(out);
            default -> {
                // inventory order
            }
        }
        return out;
    }
}
