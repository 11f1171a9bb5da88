package meshplay.engine.model;

import static meshplay.engine.model.KeywordType.ANY;
import static meshplay.engine.model.KeywordType.BOOL;
import static meshplay.engine.model.KeywordType.CONDITION;
import static meshplay.engine.model.KeywordType.IDENTIFIER;
import static meshplay.engine.model.KeywordType.INT;
import static meshplay.engine.model.KeywordType.LIST;
import static meshplay.engine.model.KeywordType.LOOP_CONTROL;
import static meshplay.engine.model.KeywordType.MAPPING;
import static meshplay.engine.model.KeywordType.PERCENT;
import static meshplay.engine.model.KeywordType.SERIAL;
import static meshplay.engine.model.KeywordType.STRING;
import static meshplay.engine.model.KeywordType.STRINGS;
import static meshplay.engine.model.KeywordType.TASKS;
import static meshplay.engine.model.KeywordType.VARS;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keywords each kind of playbook object accepts (the subset of Ansible's keyword list that the
 * engine implements), and the Ansible keywords it deliberately does not implement, with what to do instead.
 */
final class Keywords {
    /** Where a keyword is written; used in messages ("not allowed in a task"). */
    enum Scope {
        PLAY("a play"), BLOCK("a block"), TASK("a task"), HANDLER("a handler"), ROLE_ENTRY("a roles: entry");

        final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    private static final Keyword[] COMMON = {
            Keyword.of("name", STRING), Keyword.of("become", BOOL), Keyword.of("become_user", STRING),
            Keyword.of("become_method", STRING), Keyword.of("check_mode", BOOL), Keyword.of("diff", BOOL),
            Keyword.of("no_log", BOOL), Keyword.of("environment", MAPPING), Keyword.of("tags", STRINGS),
            Keyword.choice("debugger", "always", "never", "on_failed", "on_unreachable", "on_skipped"),
            Keyword.of("connection", STRING), Keyword.of("remote_user", STRING), Keyword.of("throttle", INT),
            Keyword.of("ignore_errors", BOOL), Keyword.of("ignore_unreachable", BOOL), Keyword.of("run_once", BOOL),
            Keyword.of("any_errors_fatal", BOOL), Keyword.of("module_defaults", MAPPING), Keyword.of("collections", ANY),
            Keyword.of("vars", VARS), Keyword.of("timeout", INT),
    };

    private static final Keyword[] PLAY_ONLY = {
            Keyword.of("hosts", STRINGS), Keyword.of("vars_files", ANY), Keyword.of("gather_facts", BOOL),
            Keyword.of("pre_tasks", TASKS), Keyword.of("roles", ANY), Keyword.of("tasks", TASKS), Keyword.of("post_tasks", TASKS),
            Keyword.of("handlers", TASKS), Keyword.of("serial", SERIAL), Keyword.of("max_fail_percentage", PERCENT),
            Keyword.choice("strategy", "linear", "free"), Keyword.of("force_handlers", BOOL),
            Keyword.choice("order", "inventory", "reverse_inventory", "sorted", "reverse_sorted", "shuffle"),
    };

    private static final Keyword[] BLOCK_ONLY = {
            Keyword.of("block", TASKS), Keyword.of("rescue", TASKS), Keyword.of("always", TASKS), Keyword.of("when", CONDITION),
            Keyword.of("delegate_to", STRING), Keyword.of("delegate_facts", BOOL), Keyword.of("notify", STRINGS),
    };

    private static final Keyword[] TASK_ONLY = {
            Keyword.of("when", CONDITION), Keyword.of("loop", LIST), Keyword.of("with_items", ANY), Keyword.of("with_list", LIST), Keyword.of("with_dict", MAPPING),
            Keyword.of("with_sequence", ANY), Keyword.of("with_together", ANY), Keyword.of("with_nested", ANY),
            Keyword.of("with_subelements", ANY), Keyword.of("with_fileglob", ANY), Keyword.of("with_first_found", ANY),
            Keyword.of("with_lines", ANY), Keyword.of("with_indexed_items", ANY), Keyword.of("with_file", ANY),
            Keyword.of("with_template", ANY), Keyword.of("with_pipe", ANY), Keyword.of("with_env", ANY),
            Keyword.of("with_vars", ANY), Keyword.of("with_password", ANY),
            Keyword.of("loop_control", LOOP_CONTROL), Keyword.of("register", IDENTIFIER), Keyword.of("notify", STRINGS),
            Keyword.of("changed_when", CONDITION), Keyword.of("failed_when", CONDITION), Keyword.of("until", CONDITION),
            Keyword.of("retries", INT), Keyword.of("delay", KeywordType.NUMBER), Keyword.of("delegate_to", STRING),
            Keyword.of("delegate_facts", BOOL), Keyword.of("args", MAPPING), Keyword.of("action", ANY),
            Keyword.of("local_action", ANY),
    };

    private static final Keyword[] ROLE_ENTRY_ONLY = {
            Keyword.of("role", STRING), Keyword.of("when", CONDITION), Keyword.of("delegate_to", STRING),
            Keyword.of("delegate_facts", BOOL),
    };

    /** Keywords of a loop_control mapping. */
    static final Map<String, Keyword> LOOP_CONTROL_KEYS = table(new Keyword[] {
            Keyword.of("loop_var", IDENTIFIER), Keyword.of("index_var", IDENTIFIER), Keyword.of("label", ANY),
            Keyword.of("pause", KeywordType.NUMBER), Keyword.of("extended", BOOL), Keyword.of("extended_allitems", BOOL),
    });

    static final Map<String, Keyword> PLAY = table(COMMON, PLAY_ONLY);
    static final Map<String, Keyword> BLOCK = table(COMMON, BLOCK_ONLY);
    static final Map<String, Keyword> TASK = table(COMMON, TASK_ONLY);
    static final Map<String, Keyword> HANDLER = table(COMMON, TASK_ONLY, new Keyword[] {Keyword.of("listen", STRINGS)});
    static final Map<String, Keyword> ROLE_ENTRY = table(COMMON, ROLE_ENTRY_ONLY);

    /** Ansible keywords that are recognised but not implemented, with the alternative to use. */
    static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("vars_prompt", "pass the values with -e name=value instead"),
            Map.entry("async", "run the task synchronously (set 'timeout:' if it can hang)"),
            Map.entry("poll", "run the task synchronously (set 'timeout:' if it can hang)"),
            Map.entry("with_random_choice", "pick the value with a template"),
            Map.entry("gather_subset", "the engine gathers its fixed set of facts; remove the keyword"),
            Map.entry("fact_path", "remove the keyword; local facts are not gathered"),
            Map.entry("become_flags", "set the flags in become_method's configuration instead"),
            Map.entry("become_exe", "remove the keyword; sudo/su are found on the PATH"),
            Map.entry("port", "set ansible_port as a host variable"),
            Map.entry("include", "use include_tasks (loaded when it runs) or import_tasks (loaded with the playbook)"),
            Map.entry("static", "use import_tasks for a static include, include_tasks for a dynamic one"));

    private Keywords() {
    }

    static Map<String, Keyword> of(Scope scope) {
        return switch (scope) {
            case PLAY -> PLAY;
            case BLOCK -> BLOCK;
            case TASK -> TASK;
            case HANDLER -> HANDLER;
            case ROLE_ENTRY -> ROLE_ENTRY;
        };
    }

    /** The other scopes where a keyword is allowed, for "'hosts' is allowed in a play, not in a task". */
    static String whereAllowed(String name) {
        StringBuilder out = new StringBuilder();
        for (Scope s : Scope.values()) {
            if (of(s).containsKey(name)) out.append(out.length() == 0 ? "" : ", ").append(s.label);
        }
        return out.toString();
    }

    private static Map<String, Keyword> table(Keyword[]... groups) {
        Map<String, Keyword> out = new LinkedHashMap<>();
        for (Keyword[] group : groups) for (Keyword k : group) out.put(k.name(), k);
        return java.util.Collections.unmodifiableMap(out);
    }
}
