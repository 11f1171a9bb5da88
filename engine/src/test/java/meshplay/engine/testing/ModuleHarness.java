package meshplay.engine.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.Connection;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.module.Args;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.engine.yaml.Origin;

/**
 * Runs one module against a connection the way the engine does (validate args, plan, apply unless
 * check mode), for module tests. Expressions are not supported here; use the engine for those.
 */
public final class ModuleHarness {
    public static final Origin ORIGIN = new Origin("test.yml", 1, 1);

    /** What one run produced: the plan and, unless check mode, the applied result. */
    public record Outcome(Plan plan, ModuleResult result) {
        public boolean changed() {
            return result != null ? result.changed() : plan.hasChanges();
        }
    }

    private ModuleHarness() {
    }

    public static Outcome run(Module module, Map<String, Object> args, Connection connection, boolean check) throws Exception {
        Args validated = ArgValidator.validate(module.name(), module.spec(), args, k -> ORIGIN, ORIGIN);
        ModuleContext ctx = context(validated, connection, check, Map.of());
        Plan plan = module.plan(ctx);
        if (check) return new Outcome(plan, null);
        return new Outcome(plan, module.apply(ctx, plan));
    }

    public static ModuleContext context(Args args, Connection connection, boolean check, Map<String, Object> vars) {
        return new ModuleContext() {
            public Args args() { return args; }
            public Connection connection() { return connection; }
            public String host() { return connection.host(); }
            public boolean checkMode() { return check; }
            public boolean diffMode() { return true; }
            public Origin origin() { return ORIGIN; }
            public Become become() { return null; }
            public Map<String, String> environment() { return Map.of(); }
            public Map<String, Object> vars() { return new LinkedHashMap<>(vars); }
            public Object evaluate(String expression) {
                // a variable's name, bare or as "{{ name }}"
                java.util.regex.Matcher single = java.util.regex.Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}").matcher(expression);
                if (single.matches()) expression = single.group(1);
                if (vars.containsKey(expression)) return vars.get(expression);
                throw new UnsupportedOperationException("ModuleHarness cannot evaluate '" + expression + "'");
            }
            public String renderTemplate(String text) {
                // only "{{ name }}" of a plain variable; real templating is the engine's and tested there
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}").matcher(text);
                StringBuilder out = new StringBuilder();
                while (m.find()) m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(String.valueOf(vars.get(m.group(1)))));
                m.appendTail(out);
                return out.toString();
            }
            public java.nio.file.Path controllerFile(String relative, String kind) throws meshplay.engine.module.ModuleFailure {
                java.nio.file.Path p = java.nio.file.Path.of(relative);
                if (p.isAbsolute() && java.nio.file.Files.exists(p)) return p;
                throw new meshplay.engine.module.ModuleFailure("file not found: " + relative);
            }
        };
    }
}
