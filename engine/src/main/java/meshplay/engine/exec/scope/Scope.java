package meshplay.engine.exec.scope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.model.Block;
import meshplay.engine.model.Keyword;
import meshplay.engine.model.KeywordDef;
import meshplay.engine.model.KeywordSet;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.Role;
import meshplay.engine.model.TaskItem;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Keywords a task inherits from its play, role and enclosing blocks: inner values win, except `when`
 * (all conditions apply, outer first), `tags` (union) and `vars` (layers, inner wins).
 */
public record Scope(KeywordSet keywords, List<YNode> whens, Set<String> tags, List<YMap> varLayers, Role role,
                    Map<String, Object> includeParams, IncludeChain includes, BlockSection section, Scope parent) {

    private static final Set<KeywordDef<?>> ACCUMULATED = Set.of(Keywords.WHEN, Keywords.TAGS, Keywords.VARS);

    public static Scope ofPlay(KeywordSet playKeywords) {
        Scope s = new Scope(KeywordSet.EMPTY, List.of(), Set.of(), List.of(), null, Map.of(), IncludeChain.NONE, null, null);
        return s.with(playKeywords, null);
    }

    /** The scope inside a role: its keywords apply to its tasks; role params are set by the role. */
    public Scope inRole(Role r) {
        Scope s = with(r.keywords(), null);
        return new Scope(s.keywords, s.whens, s.tags, s.varLayers, r, s.includeParams, includes, section, parent);
    }

    /** The scope of an item (a block or task) inside this one; {@link #parent()} is this scope. */
    public Scope enter(TaskItem item) {
        Scope s = with(item.keywords(), null);
        return new Scope(s.keywords, s.whens, s.tags, s.varLayers, s.role, s.includeParams, includes, section, this);
    }

    /** The scope of the tasks of one section (block, rescue or always) of the block this scope entered. */
    public Scope inSection(Block b, BlockSection.Part part) {
        return new Scope(keywords, whens, tags, varLayers, role, includeParams, includes, new BlockSection(b, part, section), parent);
    }

    /** Values bound by include_tasks (its loop item, its vars) for the included tasks. */
    public Scope withIncludeParams(Map<String, Object> params) {
        Map<String, Object> merged = new HashMap<>(includeParams);
        merged.putAll(params);
        return new Scope(keywords, whens, tags, varLayers, role, merged, includes, section, parent);
    }

    /** The scope of tasks brought in by one more include (include_tasks, include_role, import_role). */
    public Scope withIncludes(IncludeChain chain) {
        return new Scope(keywords, whens, tags, varLayers, role, includeParams, chain, section, parent);
    }

    /** Adds keywords (include's `apply`, an include task's `vars`) for the tasks inside. */
    public Scope withKeywords(KeywordSet kw) {
        return with(kw, null);
    }

    private Scope with(KeywordSet kw, Role newRole) {
        KeywordSet merged = keywords.overriddenBy(kw, ACCUMULATED);
        List<YNode> w = new ArrayList<>(whens);
        Set<String> t = new LinkedHashSet<>(tags);
        List<YMap> v = new ArrayList<>(varLayers);
        YNode when = kw.node(Keywords.WHEN);
        if (when instanceof YList l) w.addAll(l.items());
        else if (when != null) w.add(when);
        t.addAll(tagsOf(kw.node(Keywords.TAGS)));
        if (kw.node(Keywords.VARS) instanceof YMap m) v.add(m);
        return new Scope(merged, w, t, v, newRole != null ? newRole : role, includeParams, includes, section, parent);
    }

    /** Tags as written: a scalar ("a,b" or "a") or a list. */
    public static Set<String> tagsOf(YNode node) {
        Set<String> out = new LinkedHashSet<>();
        if (node instanceof YList l) {
            for (YNode n : l.items()) out.addAll(tagsOf(n));
        } else if (node instanceof YScalar s && s.value() != null) {
            for (String p : String.valueOf(s.value()).split(",")) {
                if (!p.isBlank()) out.add(p.trim());
            }
        }
        return out;
    }

    /** An inherited keyword (the innermost one written), or null. */
    public <T> Keyword<T> keyword(KeywordDef<T> def) {
        return keywords.get(def);
    }

    /** The directory relative files are looked up in: the role's, else null (the play's). */
    public Path roleDir() {
        return role == null ? null : role.dir();
    }
}
