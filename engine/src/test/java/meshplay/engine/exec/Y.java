package meshplay.engine.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.model.Block;
import meshplay.engine.model.Play;
import meshplay.engine.model.Task;
import meshplay.engine.model.TaskItem;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/** Builds model objects and YAML nodes by hand for runner tests. */
final class Y {
    static final Origin O = new Origin("test.yml", 1, 1);

    private Y() {
    }

    static YNode node(Object v) {
        if (v instanceof YNode n) return n;
        if (v instanceof Map<?, ?> m) {
            Map<String, YNode> e = new LinkedHashMap<>();
            m.forEach((k, val) -> e.put(String.valueOf(k), node(val)));
            return new YMap(e, Map.of(), O);
        }
        if (v instanceof List<?> l) {
            List<YNode> items = new ArrayList<>();
            for (Object o : l) items.add(node(o));
            return new YList(items, O);
        }
        return new YScalar(v == null ? "" : String.valueOf(v), v, v instanceof String, O);
    }

    /** map("k", v, "k2", v2, ...) */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Map<String, YNode> kw(Object... kv) {
        Map<String, YNode> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], node(kv[i + 1]));
        return m;
    }

    static Task task(String name, String action, Map<String, Object> args, Object... keywords) {
        return new Task(name, O, action, args == null ? null : node(args), kw(keywords), null, Path.of("."));
    }

    /** A task of the test module "probe" that records its name and reports ok. */
    static Task probe(String name, Object... keywords) {
        return task(name, "probe", map("name", name), keywords);
    }

    /** A probe task that reports a change. */
    static Task changing(String name, Object... keywords) {
        return task(name, "probe", map("name", name, "changed", true), keywords);
    }

    /** A probe task that fails. */
    static Task failing(String name, Object... keywords) {
        return task(name, "probe", map("name", name, "fail", true), keywords);
    }

    static Task freeForm(String name, String action, String text, Object... keywords) {
        return new Task(name, O, action, node(text), kw(keywords), null, Path.of("."));
    }

    static Block block(List<TaskItem> block, List<TaskItem> rescue, List<TaskItem> always, Object... keywords) {
        return new Block("block", O, block, rescue, always, kw(keywords));
    }

    static Play play(String hosts, List<TaskItem> tasks, List<Task> handlers, Object... keywords) {
        Map<String, YNode> kw = kw(keywords);
        Map<String, YNode> vars = new LinkedHashMap<>();
        if (kw.get("vars") instanceof YMap m) vars.putAll(m.entries());
        kw.remove("vars");
        if (!kw.containsKey("gather_facts")) kw.put("gather_facts", node(false));
        return new Play("test play", O, node(hosts), vars, List.of(), List.of(), List.of(), tasks, List.of(), handlers, kw, Path.of("."));
    }
}
