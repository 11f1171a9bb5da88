package meshplay.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.lang.ShortName;

/**
 * lookup()/query() and the with_* loops: runs a lookup plugin on its terms, controller-side, as
 * ansible-core does. {@code query()} (or {@code wantlist=True}) returns the plugin's list; lookup()
 * joins a list of strings with "," and otherwise returns the single element or the list.
 * {@code errors='ignore'|'warn'} turns a failing lookup into None (an empty list for query); an
 * undefined variable always fails.
 */
final class Lookups {
    static final Set<String> PLUGINS = Set.of("env", "vars", "file", "unvault", "template", "pipe", "lines", "dict", "items", "list",
            "indexed_items", "together", "nested", "subelements", "sequence", "first_found", "fileglob", "password");

    private Lookups() {
    }

    /** lookup(name, terms..., wantlist=, errors=, options...) and query(name, terms..., options...). */
    static Object call(List<Object> args, Map<String, Object> kw, RenderScope scope, boolean asList) {
        if (args.isEmpty()) throw new TemplateTypeException("lookup() needs a plugin name: lookup('env', 'HOME')");
        String plugin = ShortName.of(Ops.toText(args.get(0)));
        Map<String, Object> options = new java.util.LinkedHashMap<>(kw);
        boolean wantList = asList || Ops.truthy(options.remove("wantlist"));
        String errors = Ops.toText(options.getOrDefault("errors", "strict"));
        options.remove("errors");
        List<Object> terms = new ArrayList<>(args.subList(1, args.size()));
        requireKnown(plugin);
        List<Object> ran;
        try {
            ran = run(plugin, terms, options, scope);
        } catch (TemplateTypeException e) {
            if (errors.equals("strict")) throw e;
            return wantList ? new ArrayList<>() : null;
        }
        if (wantList || ran.isEmpty()) return ran;
        boolean allText = true;
        for (Object o : ran) allText &= o instanceof String;
        if (allText) {
            List<String> texts = new ArrayList<>();
            for (Object o : ran) texts.add((String) o);
            return String.join(",", texts);
        }
        return ran.size() == 1 ? ran.get(0) : ran;
    }

    /** The list a plugin returns for its terms (also the items of a with_NAME loop). */
    static List<Object> run(String plugin, List<Object> terms, Map<String, Object> options, RenderScope scope) {
        requireKnown(plugin);
        return switch (plugin) {
            case "env" -> env(terms, options);
            case "vars" -> vars(terms, options, scope);
            case "file", "unvault", "template", "first_found", "fileglob" -> new LookupFiles(scope).run(plugin, terms, options);
            case "pipe", "lines" -> CommandLookups.run(plugin, terms, new LookupFiles(scope).baseDir());
            case "sequence" -> SequenceLookup.run(terms);
            case "password" -> PasswordLookup.run(terms, new LookupFiles(scope).baseDir());
            default -> ListLookups.run(plugin, terms);
        };
    }

    static void requireKnown(String plugin) {
        if (!PLUGINS.contains(plugin)) {
            throw new TemplateTypeException("lookup plugin '" + plugin + "' not found (available: "
                    + String.join(", ", new java.util.TreeSet<>(PLUGINS)) + ")");
        }
    }

    private static List<Object> env(List<Object> terms, Map<String, Object> options) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String v = System.getenv(Ops.toText(term));
            out.add(v != null ? v : options.getOrDefault("default", ""));
        }
        return out;
    }

    private static List<Object> vars(List<Object> terms, Map<String, Object> options, RenderScope scope) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String t = Ops.toText(term);
            if (!scope.isDefined(t) && options.containsKey("default")) out.add(options.get("default"));
            else out.add(scope.lookup(t));
        }
        return out;
    }
}
