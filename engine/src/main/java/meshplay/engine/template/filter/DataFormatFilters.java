package meshplay.engine.template.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import meshplay.engine.lang.Json;
import meshplay.engine.template.Ops;
import meshplay.engine.template.Undefined;
import meshplay.engine.template.TemplateTypeException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/** to_json, to_nice_json, from_json, json_query, to_yaml, to_nice_yaml, from_yaml, from_yaml_all. */
final class DataFormatFilters {
    private DataFormatFilters() {
    }

    /** A value to write as JSON; an undefined one is the error it stands for. */
    private static Object defined(Object v) {
        if (v instanceof Undefined u) throw u.error();
        return v;
    }

    static void register(Registry r) {
        r.filter("to_json", (in, c) -> Json.write(in, Json.PYTHON.sortKeys(c.bool(-1, "sort_keys", false)), DataFormatFilters::defined));
        r.filter("to_nice_json", (in, c) -> Json.write(in, Json.indented(c.integer(-1, "indent", 4), c.bool(-1, "sort_keys", true)),
            DataFormatFilters::defined));
        r.filter("from_json", (in, c) -> Json.parse(StringFilters.text(in)));
        r.filter("json_query", (in, c) -> JsonQuery.query(in, Ops.toText(c.required(0, "expr"))));
        r.filter("to_yaml", (in, c) -> yaml(in, c.integer(-1, "indent", 2), !c.has(-1, "default_flow_style")
            || c.arg(-1, "default_flow_style", null) == null ? DumperOptions.FlowStyle.AUTO
            : Ops.truthy(c.arg(-1, "default_flow_style", null)) ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK));
        r.filter("to_nice_yaml", (in, c) -> yaml(in, c.integer(-1, "indent", 4), DumperOptions.FlowStyle.BLOCK));
        r.filter("from_yaml", (in, c) -> {
            try {
                return loader().load(StringFilters.text(in));
            } catch (YAMLException e) {
                throw new TemplateTypeException("from_yaml: invalid YAML: " + firstLine(e.getMessage()));
            }
        });
        r.filter("from_yaml_all", (in, c) -> {
            try {
                List<Object> out = new ArrayList<>();
                loader().loadAll(StringFilters.text(in)).forEach(out::add);
                return out;
            } catch (YAMLException e) {
                throw new TemplateTypeException("from_yaml_all: invalid YAML: " + firstLine(e.getMessage()));
            }
        });
    }

    private static Yaml loader() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().split("\n", 2)[0];
    }

    private static String yaml(Object in, int indent, DumperOptions.FlowStyle style) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(style);
        o.setIndent(Math.max(2, Math.min(9, indent)));
        o.setIndicatorIndent(0);
        o.setAllowUnicode(true);
        o.setWidth(Integer.MAX_VALUE);
        o.setSplitLines(false);
        return new Yaml(new Representer(o), o).dump(plain(in));
    }

    /** Keys sorted as PyYAML does; anything unusual as text. */
    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, val) -> sorted.put(Ops.toText(k), plain(val)));
            return new LinkedHashMap<>(sorted);
        }
        if (v instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            for (Object o : it) out.add(plain(o));
            return out;
        }
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) return v;
        return Ops.toText(v);
    }
}
