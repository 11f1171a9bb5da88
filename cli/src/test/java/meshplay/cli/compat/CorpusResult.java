package meshplay.cli.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import meshplay.engine.lang.Json;

/**
 * The normalised result of one run, as compat/record writes it for ansible-playbook: "rc N", one
 * "recap HOST ok=.. changed=.. ..." line per host (sorted), then for each debug task, host by host
 * (sorted), "HOST KEY JSON" for every value it printed (items in order; failed or skipped ones print nothing).
 * Built here from meshplay's --json events; the temp dir and the case directory read as
 * {@code <tmp>} and {@code <case>}. A run that ended without a recap (an error stopped it) prints no
 * values, as Ansible's json callback, which writes everything with the recap, prints none then.
 */
final class CorpusResult {
    /** Keys of a debug result that are bookkeeping, not the printed value (as META in compat/record). */
    private static final Set<String> META = Set.of("action", "changed", "failed", "skipped", "item", "ansible_loop_var",
            "ansible_index_var", "ansible_loop", "skip_reason", "false_condition");

    private CorpusResult() {
    }

    static String normalise(int exitCode, String jsonLines, String tmp, String caseDir) {
        List<String> lines = new ArrayList<>();
        lines.add("rc " + exitCode);
        List<String> values = new ArrayList<>();
        Map<String, List<String>> task = null;
        Map<String, Boolean> hadItems = new TreeMap<>();
        boolean recap = false;
        for (String line : jsonLines.split("\n")) {
            if (!line.startsWith("{")) continue;
            Object parsed = Json.parse(line);
            if (!(parsed instanceof Map<?, ?> e)) continue;
            String event = String.valueOf(e.get("event"));
            switch (event) {
                case "task_start", "handler_start" -> {
                    flush(task, values);
                    task = "debug".equals(e.get("action")) ? new TreeMap<>() : null;
                    hadItems.clear();
                }
                case "item_result", "host_result" -> {
                    if (task == null) continue;
                    String host = String.valueOf(e.get("host"));
                    boolean item = event.equals("item_result");
                    if (item) hadItems.put(host, true);
                    else if (hadItems.containsKey(host)) continue;
                    if (!"ok".equals(e.get("status")) || !(e.get("result") instanceof Map<?, ?> r)) continue;
                    // Ansible's callback drops a task's own "failed" key, not an item's: an item that says
                    // failed (until used up, failed_when false) prints nothing there
                    if (item && Boolean.TRUE.equals(r.get("failed"))) continue;
                    for (Map.Entry<String, Object> v : printed(r).entrySet()) {
                        task.computeIfAbsent(host, h -> new ArrayList<>()).add(host + " " + v.getKey() + " " + json(v.getValue()));
                    }
                }
                case "recap" -> {
                    recap = true;
                    flush(task, values);
                    task = null;
                    Map<?, ?> hosts = (Map<?, ?>) e.get("hosts");
                    new TreeMap<>(hosts).forEach((h, s) -> lines.add(recap(String.valueOf(h), (Map<?, ?>) s)));
                }
                default -> {
                }
            }
        }
        flush(task, values);
        if (recap) lines.addAll(values);
        return String.join("\n", lines).replace(tmp, "<tmp>").replace(caseDir, "<case>") + "\n";
    }

    private static void flush(Map<String, List<String>> task, List<String> values) {
        if (task != null) task.values().forEach(values::addAll);
        if (task != null) task.clear();
    }

    private static Map<String, Object> printed(Map<?, ?> result) {
        Map<String, Object> out = new TreeMap<>();
        Object indexVar = result.get("ansible_index_var");
        Object loopVar = result.get("ansible_loop_var");
        result.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!META.contains(key) && !key.startsWith("_ansible") && !key.equals(indexVar) && !key.equals(loopVar)) out.put(key, v);
        });
        return out;
    }

    private static String recap(String host, Map<?, ?> s) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("ok", "changed", "unreachable", "failed", "skipped", "rescued", "ignored")) m.put(k, s.get(k));
        StringBuilder b = new StringBuilder("recap ").append(host);
        m.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    /** Python's json.dumps(v, sort_keys=True, ensure_ascii=False). */
    private static String json(Object v) {
        return Json.write(v, Json.PYTHON.sortKeys(true));
    }
}
