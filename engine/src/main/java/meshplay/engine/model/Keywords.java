package meshplay.engine.model;

import static meshplay.engine.model.KeywordType.ANY;
import static meshplay.engine.model.KeywordType.CONDITION;
import static meshplay.engine.model.KeywordType.IDENTIFIER;
import static meshplay.engine.model.KeywordType.LIST;
import static meshplay.engine.model.KeywordType.MAPPING;
import static meshplay.engine.model.KeywordType.STRING;
import static meshplay.engine.model.KeywordType.STRINGS;
import static meshplay.engine.model.KeywordType.TASKS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.yaml.YNode;

/**
 * The keywords each kind of playbook object accepts (the subset of Ansible's keyword list that the
 * engine implements), and the Ansible keywords it deliberately does not implement, with what to do instead.
 */
public final class Keywords {
    /** Where a keyword is written; used in messages ("not allowed in a task"). */
    enum Scope {
        PLAY("a play"), BLOCK("a block"), TASK("a task"), HANDLER("a handler"), ROLE_ENTRY("a roles: entry");

        final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    public static final KeywordDef<String> NAME = KeywordDef.text("name", STRING);
    public static final KeywordDef<Boolean> BECOME = KeywordDef.bool("become");
    public static final KeywordDef<String> BECOME_USER = KeywordDef.text("become_user", STRING);
    public static final KeywordDef<String> BECOME_METHOD = KeywordDef.text("become_method", STRING);
    public static final KeywordDef<Boolean> CHECK_MODE = KeywordDef.bool("check_mode");
    public static final KeywordDef<Boolean> DIFF = KeywordDef.bool("diff");
    public static final KeywordDef<Boolean> NO_LOG = KeywordDef.bool("no_log");
    public static final KeywordDef<YNode> ENVIRONMENT = KeywordDef.node("environment", MAPPING);
    public static final KeywordDef<YNode> TAGS = KeywordDef.node("tags", STRINGS);
    public static final KeywordDef<String> DEBUGGER = KeywordDef.choice("debugger", "always", "never", "on_failed", "on_unreachable", "on_skipped");
    public static final KeywordDef<String> CONNECTION = KeywordDef.text("connection", STRING);
    public static final KeywordDef<String> REMOTE_USER = KeywordDef.text("remote_user", STRING);
    public static final KeywordDef<Integer> THROTTLE = KeywordDef.integer("throttle");
    public static final KeywordDef<Boolean> IGNORE_ERRORS = KeywordDef.bool("ignore_errors");
    public static final KeywordDef<Boolean> IGNORE_UNREACHABLE = KeywordDef.bool("ignore_unreachable");
    public static final KeywordDef<Boolean> RUN_ONCE = KeywordDef.bool("run_once");
    public static final KeywordDef<Boolean> ANY_ERRORS_FATAL = KeywordDef.bool("any_errors_fatal");
    public static final KeywordDef<YNode> MODULE_DEFAULTS = KeywordDef.node("module_defaults", MAPPING);
    public static final KeywordDef<YNode> COLLECTIONS = KeywordDef.node("collections", ANY);
    public static final KeywordDef<YNode> VARS = KeywordDef.node("vars", KeywordType.VARS);
    public static final KeywordDef<Integer> TIMEOUT = KeywordDef.integer("timeout");

    public static final KeywordDef<YNode> HOSTS = KeywordDef.node("hosts", STRINGS);
    public static final KeywordDef<YNode> VARS_FILES = KeywordDef.node("vars_files", ANY);
    public static final KeywordDef<Boolean> GATHER_FACTS = KeywordDef.bool("gather_facts");
    public static final KeywordDef<YNode> PRE_TASKS = KeywordDef.node("pre_tasks", TASKS);
    public static final KeywordDef<YNode> ROLES = KeywordDef.node("roles", ANY);
    public static final KeywordDef<YNode> TASKS_LIST = KeywordDef.node("tasks", TASKS);
    public static final KeywordDef<YNode> POST_TASKS = KeywordDef.node("post_tasks", TASKS);
    public static final KeywordDef<YNode> HANDLERS = KeywordDef.node("handlers", TASKS);
    public static final KeywordDef<YNode> SERIAL = KeywordDef.node("serial", KeywordType.SERIAL);
    public static final KeywordDef<Double> MAX_FAIL_PERCENTAGE = KeywordDef.percent("max_fail_percentage");
    public static final KeywordDef<String> STRATEGY = KeywordDef.choice("strategy", "linear", "free", "host_pinned", "debug");
    public static final KeywordDef<Boolean> FORCE_HANDLERS = KeywordDef.bool("force_handlers");
    public static final KeywordDef<String> ORDER = KeywordDef.choice("order", "inventory", "reverse_inventory", "sorted", "reverse_sorted", "shuffle");

    public static final KeywordDef<YNode> BLOCK_TASKS = KeywordDef.node("block", TASKS);
    public static final KeywordDef<YNode> RESCUE = KeywordDef.node("rescue", TASKS);
    public static final KeywordDef<YNode> ALWAYS = KeywordDef.node("always", TASKS);
    public static final KeywordDef<YNode> WHEN = KeywordDef.node("when", CONDITION);
    public static final KeywordDef<String> DELEGATE_TO = KeywordDef.text("delegate_to", STRING);
    public static final KeywordDef<Boolean> DELEGATE_FACTS = KeywordDef.bool("delegate_facts");
    public static final KeywordDef<YNode> NOTIFY = KeywordDef.node("notify", STRINGS);

    /** Any value when loading: as in Ansible, a loop over something that is not a list fails the task when it runs. */
    public static final KeywordDef<YNode> LOOP = KeywordDef.node("loop", ANY);
    public static final KeywordDef<YNode> LOOP_CONTROL = KeywordDef.node("loop_control", KeywordType.LOOP_CONTROL);
    public static final KeywordDef<String> REGISTER = KeywordDef.text("register", IDENTIFIER);
    public static final KeywordDef<YNode> CHANGED_WHEN = KeywordDef.node("changed_when", CONDITION);
    public static final KeywordDef<YNode> FAILED_WHEN = KeywordDef.node("failed_when", CONDITION);
    public static final KeywordDef<YNode> UNTIL = KeywordDef.node("until", CONDITION);
    public static final KeywordDef<Integer> RETRIES = KeywordDef.integer("retries");
    public static final KeywordDef<Double> DELAY = KeywordDef.number("delay");
    public static final KeywordDef<YNode> ARGS = KeywordDef.node("args", MAPPING);
    public static final KeywordDef<YNode> ACTION = KeywordDef.node("action", ANY);
    public static final KeywordDef<YNode> LOCAL_ACTION = KeywordDef.node("local_action", ANY);
    public static final KeywordDef<YNode> LISTEN = KeywordDef.node("listen", STRINGS);
    public static final KeywordDef<String> ROLE = KeywordDef.text("role", STRING);

    /** The loop keywords, {@code loop} first, then the legacy with_NAME forms (see {@link LoopKeywords}). */
    public static final List<KeywordDef<YNode>> LOOPS = loops();

    private static final KeywordDef<?>[] COMMON = {
            NAME, BECOME, BECOME_USER, BECOME_METHOD, CHECK_MODE, DIFF, NO_LOG, ENVIRONMENT, TAGS, DEBUGGER,
            CONNECTION, REMOTE_USER, THROTTLE, IGNORE_ERRORS, IGNORE_UNREACHABLE, RUN_ONCE, ANY_ERRORS_FATAL,
            MODULE_DEFAULTS, COLLECTIONS, VARS, TIMEOUT,
    };

    private static final KeywordDef<?>[] PLAY_ONLY = {
            HOSTS, VARS_FILES, GATHER_FACTS, PRE_TASKS, ROLES, TASKS_LIST, POST_TASKS, HANDLERS, SERIAL,
            MAX_FAIL_PERCENTAGE, STRATEGY, FORCE_HANDLERS, ORDER,
    };

    private static final KeywordDef<?>[] BLOCK_ONLY = {BLOCK_TASKS, RESCUE, ALWAYS, WHEN, DELEGATE_TO, DELEGATE_FACTS, NOTIFY};

    private static final KeywordDef<?>[] TASK_ONLY = concat(new KeywordDef<?>[] {WHEN}, LOOPS.toArray(new KeywordDef<?>[0]), new KeywordDef<?>[] {
            LOOP_CONTROL, REGISTER, NOTIFY, CHANGED_WHEN, FAILED_WHEN, UNTIL, RETRIES, DELAY, DELEGATE_TO,
            DELEGATE_FACTS, ARGS, ACTION, LOCAL_ACTION,
    });

    private static final KeywordDef<?>[] ROLE_ENTRY_ONLY = {ROLE, WHEN, DELEGATE_TO, DELEGATE_FACTS};

    /** Keywords of a loop_control mapping. */
    static final Map<String, KeywordDef<?>> LOOP_CONTROL_KEYS = table(new KeywordDef<?>[] {
            KeywordDef.text("loop_var", IDENTIFIER), KeywordDef.text("index_var", IDENTIFIER), KeywordDef.node("label", ANY),
            KeywordDef.number("pause"), KeywordDef.bool("extended"), KeywordDef.bool("extended_allitems"),
    });

    static final Map<String, KeywordDef<?>> PLAY = table(COMMON, PLAY_ONLY);
    static final Map<String, KeywordDef<?>> BLOCK = table(COMMON, BLOCK_ONLY);
    static final Map<String, KeywordDef<?>> TASK = table(COMMON, TASK_ONLY);
    static final Map<String, KeywordDef<?>> HANDLER = table(COMMON, TASK_ONLY, new KeywordDef<?>[] {LISTEN});
    static final Map<String, KeywordDef<?>> ROLE_ENTRY = table(COMMON, ROLE_ENTRY_ONLY);
    /** Every keyword by name, whatever it is written on. */
    private static final Map<String, KeywordDef<?>> ALL = table(COMMON, PLAY_ONLY, BLOCK_ONLY, TASK_ONLY, ROLE_ENTRY_ONLY, new KeywordDef<?>[] {LISTEN});

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

    /** The declaration of a keyword, or null when the engine knows no keyword of that name. */
    public static KeywordDef<?> def(String name) {
        return ALL.get(name);
    }

    static Map<String, KeywordDef<?>> of(Scope scope) {
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

    private static Map<String, KeywordDef<?>> table(KeywordDef<?>[]... groups) {
        Map<String, KeywordDef<?>> out = new LinkedHashMap<>();
        for (KeywordDef<?>[] group : groups) for (KeywordDef<?> k : group) out.put(k.name(), k);
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<KeywordDef<YNode>> loops() {
        List<KeywordDef<YNode>> out = new ArrayList<>();
        out.add(LOOP);
        for (String k : LoopKeywords.ALL.subList(1, LoopKeywords.ALL.size())) {
            KeywordType type = k.equals("with_list") ? LIST : k.equals("with_dict") ? MAPPING : ANY;
            out.add(KeywordDef.node(k, type));
        }
        return List.copyOf(out);
    }

    private static KeywordDef<?>[] concat(KeywordDef<?>[]... parts) {
        List<KeywordDef<?>> out = new ArrayList<>();
        for (KeywordDef<?>[] p : parts) out.addAll(List.of(p));
        return out.toArray(new KeywordDef<?>[0]);
    }
}
