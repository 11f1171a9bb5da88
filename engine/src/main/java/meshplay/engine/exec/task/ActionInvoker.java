package meshplay.engine.exec.task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.RunAbort;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.ArgRenderer;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.actions.EngineAction;
import meshplay.engine.lang.Truth;
import meshplay.engine.exec.actions.Included;
import meshplay.engine.exec.scope.TaskRequest;
import meshplay.engine.exec.scope.VarsAssembler;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.Task;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.module.Args;
import meshplay.engine.module.AnsibleBuiltins;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.engine.module.PlanKind;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.Unsafe;

/**
 * One attempt of a task on one host: render and validate the arguments, then either an engine action,
 * or module.plan followed (unless check mode) by module.apply. Every failure becomes a result.
 */
final class ActionInvoker {
    private final RunContext run;
    private final HostConnector connector;
    private final VarsAssembler assembler;

    ActionInvoker(RunContext run, VarsAssembler assembler) {
        this.run = run;
        this.connector = new HostConnector(run);
        this.assembler = assembler;
    }

    /** Runs the action or module once; content an include action brings in is added to {@code includes}. */
    TaskResult invoke(TaskRequest q, HostKeywords kw, Map<String, Object> vars, List<Included> includes) {
        Task task = q.task();
        try {
            EngineAction action = run.actions.find(task.action());
            if (action != null) {
                Args args = args(q, kw, action.name(), action.spec(), vars);
                boolean check = q.preview() || kw.get(Keywords.CHECK_MODE, run.options.check);
                return action.run(new TaskActionContext(run, q, args, vars, check, factsHost(q, kw), includes));
            }
            Module module = run.modules.find(task.action());
            if (module == null && AnsibleBuiltins.isBuiltin(task.action())) {
                String name = task.action().substring(task.action().lastIndexOf('.') + 1);
                String closest = AnsibleBuiltins.closestSupported(name, n -> run.modules.find(n) != null || run.actions.find(n) != null,
                        run.modules::nearest);
                throw new UserError(task.origin(), AnsibleBuiltins.message(task.action()), AnsibleBuiltins.hint(closest), ExitCode.PARSE_ERROR);
            }
            if (module == null) {
                String near = run.modules.nearest(task.action());
                throw new UserError(task.origin(), "unknown module or action '" + task.action() + "'",
                        near != null ? "did you mean '" + near + "'?" : "see `meshplay doc --list` for the modules there are",
                        ExitCode.PARSE_ERROR);
            }
            Args args = args(q, kw, module.name(), module.spec(), vars);
            return runModule(q, kw, vars, module, args);
        } catch (RunAbort e) {
            throw e;
        } catch (UserError e) {
            return TaskResult.failed(e);
        } catch (ModuleFailure f) {
            return TaskResult.builder(TaskResult.Status.FAILED).msg(f.getMessage()).data(f.data()).build();
        } catch (ConnectionException e) {
            return e.unreachable() ? TaskResult.unreachable(e.getMessage()) : TaskResult.failed(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TaskResult.failed("interrupted");
        } catch (Exception e) {
            return TaskResult.failed(task.action() + " failed unexpectedly: " + e, e);
        }
    }

    private Args args(TaskRequest q, HostKeywords kw, String name, ArgSpec spec, Map<String, Object> vars) {
        Map<String, Object> given = ArgRenderer.render(q.task(), kw.node(Keywords.ARGS), spec, run.templar, vars);
        if (q.argOverrides() != null) given.putAll(q.argOverrides());
        return ArgValidator.validate(name, spec, given, k -> ArgRenderer.originOf(q.task(), k), q.task().origin());
    }

    private TaskResult runModule(TaskRequest q, HostKeywords kw, Map<String, Object> vars, Module module, Args args) throws Exception {
        boolean check = q.preview() || kw.get(Keywords.CHECK_MODE, run.options.check);
        boolean diff = q.preview() || kw.get(Keywords.DIFF, run.options.diff);
        String delegate = kw.get(Keywords.DELEGATE_TO);
        String target = delegate == null ? q.host() : delegate;
        Connection connection = connector.connect(target, delegate == null ? vars : assembler.hostLevel(delegate),
                kw.get(Keywords.CONNECTION), kw.get(Keywords.REMOTE_USER));
        connection = new RelativePaths(connection, run.playbookDir);
        Become become = become(kw, vars);
        // file operations (read, write, stat, ...) then run as the become user too, not only commands
        if (become != null) connection = connection.withBecome(become);
        if (run.options.verbosity >= 3 && !kw.get(Keywords.NO_LOG, false)) connection = new TracingConnection(connection, run.events);
        TaskModuleContext ctx = new TaskModuleContext(args, connection, q.host(), check, diff, q.task().origin(),
                become, environment(kw), vars, run.templar, kindRoots(q), plainRoots(q), run.options.vault);
        Plan plan = module.plan(ctx);
        TaskResult.Builder r;
        if (check) {
            r = TaskResult.builder(plan.hasChanges() ? TaskResult.Status.CHANGED : TaskResult.Status.OK).data(plan.data());
            // planned, not done: what a later task reads from this result is a prediction
            if (plan.hasChanges()) r.data(PredictedUse.MARK, true);
            if (module.kind() == PlanKind.RUN_TO_PREDICT && plan.hasChanges()) r.note("would run (check mode cannot know its outcome)");
            else if (plan.note() != null) r.note(plan.note());
        } else {
            ModuleResult m = module.apply(ctx, plan);
            // a module that fails after changing the host (a command that ran and exited non-zero) reports the change
            r = TaskResult.builder(m.failed() ? TaskResult.Status.FAILED : m.changed() ? TaskResult.Status.CHANGED : TaskResult.Status.OK)
                    .failedWithChange(m.changed()).msg(m.msg()).data(m.data());
            if (plan.note() != null && !m.changed()) r.note(plan.note());
        }
        if (diff) r.diffs(plan.diffs());
        if (delegate != null) r.delegatedTo(delegate);
        TaskResult result = r.build();
        if (result.data().get("ansible_facts") instanceof Map<?, ?> facts) {
            Map<String, Object> f = new LinkedHashMap<>();
            // facts come from the host: data, never an expression
            facts.forEach((k, v) -> f.put(String.valueOf(k), Unsafe.mark(v)));
            run.state.host(factsHost(q, kw)).addFacts(f);
        }
        return result;
    }

    /** The host the task's facts belong to: the delegate with `delegate_facts: true`, else the task's host. */
    private static String factsHost(TaskRequest q, HostKeywords kw) {
        String delegate = kw.get(Keywords.DELEGATE_TO);
        return delegate != null && kw.get(Keywords.DELEGATE_FACTS, false) ? delegate : q.host();
    }

    private Become become(HostKeywords kw, Map<String, Object> vars) throws ModuleFailure {
        boolean hostDefault = run.options.become;
        Object hostBecome = vars.get("ansible_become");
        if (hostBecome != null) hostDefault = Truth.toBool(run.templar.render(hostBecome, vars));
        if (!kw.get(Keywords.BECOME, hostDefault)) return null;
        String user = firstNonNull(kw.get(Keywords.BECOME_USER), run.options.becomeUser, varStr(vars, "ansible_become_user"));
        String method = firstNonNull(kw.get(Keywords.BECOME_METHOD), run.options.becomeMethod, varStr(vars, "ansible_become_method"));
        if (method != null && !method.isBlank() && !Become.METHODS.contains(method)) {
            throw new ModuleFailure("become method '" + method + "' is not supported; use one of: " + String.join(", ", Become.METHODS));
        }
        String password = Become.password(name -> varStr(vars, name), run.options.connectionOptions.askedBecomePassword());
        return new Become(user, method, password);
    }

    private Map<String, String> environment(HostKeywords kw) {
        Object env = kw.rendered(Keywords.ENVIRONMENT);
        Map<String, String> out = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return out;
    }

    private String varStr(Map<String, Object> vars, String name) {
        Object v = vars.get(name);
        if (v == null) return null;
        Object r = run.templar.render(v, vars);
        return r == null ? null : String.valueOf(r);
    }

    private List<Path> kindRoots(TaskRequest q) {
        List<Path> out = new ArrayList<>();
        if (q.scope().roleDir() != null) out.add(q.scope().roleDir());
        if (q.task().baseDir() != null) out.add(q.task().baseDir());
        out.add(run.playbookDir);
        return out;
    }

    private List<Path> plainRoots(TaskRequest q) {
        List<Path> out = new ArrayList<>();
        if (q.task().baseDir() != null) out.add(q.task().baseDir());
        out.add(run.playbookDir);
        return out;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) return v;
        }
        return null;
    }
}
