package meshplay.engine.exec.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Truth;
import meshplay.engine.model.KeywordDef;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.LoopKeywords;
import meshplay.engine.template.LoopInfo;
import meshplay.engine.template.Templar;
import meshplay.engine.template.TemplateTypeException;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;

/**
 * The items of a task's loop (loop, with_items, with_list, with_dict, and with_NAME for the other
 * lookup plugins: with_sequence, with_subelements, ...) and loop_control (loop_var, index_var, label,
 * pause, extended).
 */
final class LoopExpander {
    record Control(String loopVar, String indexVar, YNode label, double pause, boolean extended, boolean allItems) {
    }

    private LoopExpander() {
    }

    static boolean hasLoop(HostKeywords kw) {
        return loopOf(kw) != null;
    }

    private static KeywordDef<YNode> loopOf(HostKeywords kw) {
        for (KeywordDef<YNode> k : Keywords.LOOPS) if (kw.has(k)) return k;
        return null;
    }

    static List<Object> items(HostKeywords kw, Templar templar) {
        KeywordDef<YNode> def = loopOf(kw);
        String key = def.name();
        YNode node = kw.node(def);
        Object v = key.equals("with_first_found") ? definedTerms(kw, def, templar) : kw.rendered(def);
        if (key.equals("with_dict") && !(v instanceof Map)) {
            throw new NotAList(node.origin(), "with_dict needs a mapping, got " + describe(v), "give it a dict variable");
        }
        if (!List.of("loop", "with_items", "with_list").contains(key)) {
            try {
                return templar.loopItems(LoopKeywords.plugin(key), v, kw.vars());
            } catch (TemplateTypeException e) {
                throw new UserError(node.origin(), key + ": " + e.getMessage(), "check the terms the loop gives the " + LoopKeywords.plugin(key) + " lookup");
            }
        }
        List<Object> out = new ArrayList<>();
        if (v == null) return out;
        if (!(v instanceof List<?> l)) {
            if (key.equals("with_items")) return List.of(v);
            throw new NotAList(node.origin(), key + " needs a list, got " + describe(v),
                    "write a YAML list, or a variable that holds one (loop: \"{{ my_list }}\")");
        }
        for (Object item : l) {
            // with_items flattens one level, as in Ansible
            if (key.equals("with_items") && item instanceof List<?> inner) out.addAll(inner);
            else out.add(item);
        }
        return out;
    }

    /**
     * The loop's value is not what the loop takes (text, a number, a mapping for loop): the task fails
     * even when its `when` is false, as in Ansible, which checks the loop's value before the condition.
     */
    static final class NotAList extends UserError {
        NotAList(meshplay.engine.yaml.Origin origin, String message, String hint) {
            super(origin, message, hint);
        }
    }

    /** with_first_found skips the candidates that name an undefined variable, as ansible-core does. */
    private static Object definedTerms(HostKeywords kw, KeywordDef<YNode> def, Templar templar) {
        if (!(kw.node(def) instanceof YList list)) return kw.rendered(def);
        List<Object> out = new ArrayList<>();
        for (YNode term : list.items()) {
            try {
                out.add(templar.render(term, kw.vars()));
            } catch (UserError e) {
                // an undefined name in this candidate: try the next one
            }
        }
        return out;
    }

    static Control control(HostKeywords kw) {
        YNode n = kw.node(Keywords.LOOP_CONTROL);
        if (!(n instanceof YMap m)) return new Control("item", null, null, 0, false, true);
        String loopVar = text(m.get("loop_var"), "item");
        String indexVar = text(m.get("index_var"), null);
        double pause = 0;
        String p = text(m.get("pause"), null);
        if (p != null) {
            try {
                pause = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new UserError(m.get("pause").origin(), "loop_control.pause must be a number of seconds", "write pause: 2");
            }
        }
        boolean extended = Boolean.TRUE.equals(Truth.parse(text(m.get("extended"), "false")));
        boolean allItems = !Boolean.FALSE.equals(Truth.parse(text(m.get("extended_allitems"), "true")));
        return new Control(loopVar, indexVar, m.get("label"), pause, extended, allItems);
    }

    /** Variables bound for one item: the loop var, index_var and (extended) ansible_loop. */
    static Map<String, Object> bind(Control c, List<Object> items, int index) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(c.loopVar(), items.get(index));
        if (c.indexVar() != null) v.put(c.indexVar(), index);
        if (c.extended()) {
            // as ansible-core: previtem/nextitem only where there is one; allitems unless extended_allitems: false
            Map<String, Object> loop = new LinkedHashMap<>();
            if (c.allItems()) loop.put("allitems", items);
            loop.putAll(LoopInfo.of(items, index));
            v.put("ansible_loop", loop);
        }
        v.put("ansible_loop_var", c.loopVar());
        return v;
    }

    private static String text(YNode n, String fallback) {
        if (n == null) return fallback;
        Object v = n.toJava();
        return v == null ? fallback : String.valueOf(v);
    }

    private static String describe(Object v) {
        if (v == null) return "nothing";
        if (v instanceof Map) return "a mapping";
        return "'" + v + "'";
    }
}
