package meshplay.modules.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.engine.module.Presence;

/** Ensures a local group exists with the given GID (groupadd, groupmod) or is gone (groupdel), as Ansible's group module. */
public final class GroupModule extends BaseModule<GroupModule.GroupArgs> {
    private static final ArgSpec SPEC = ArgSpec.builder("Manage groups: create, change the GID of, or remove a group, "
                    + "as Ansible's group module.")
            .add(ArgSpec.arg("name", ArgType.STR).required().doc("name of the group"))
            .add(ArgSpec.arg("gid", ArgType.INT).doc("the group's GID"))
            .add(ArgSpec.choice("state", Presence.class).defaultValue(Presence.PRESENT).doc("whether the group should exist"))
            .add(ArgSpec.arg("system", ArgType.BOOL).defaultValue(false).doc("create a system group (only on creation)"))
            .add(ArgSpec.arg("local", ArgType.BOOL).defaultValue(false).doc("look the group up in the local files only"))
            .add(ArgSpec.arg("non_unique", ArgType.BOOL).defaultValue(false).doc("allow a GID that another group has (-o); needs gid"))
            .build();


    /** The typed arguments. */
    record GroupArgs(String name, Integer gid, Presence state, boolean system, boolean local, boolean nonUnique) {
        boolean present() {
            return state == Presence.PRESENT;
        }
    }

    public GroupModule() {
        super("group", SPEC, GroupArgs.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, GroupArgs p) throws Exception {
        if (p.name().isBlank() || p.name().contains(":")) throw problem(ctx, "name", "'" + p.name() + "' is not a valid group name", "use a name such as 'docker'");
        if (p.gid() != null && p.gid() < 0) throw problem(ctx, "gid", "must be 0 or more, got " + p.gid(), "give a GID such as 1001");
        if (p.nonUnique() && p.gid() == null) throw problem(ctx, "non_unique", "non_unique=true needs gid", "add gid: NUMBER, or drop non_unique");
        Optional<Accounts.Group> current = Accounts.group(ctx, p.name()).filter(g -> g.name().equals(p.name()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", p.name());
        data.put("state", p.present() ? "present" : "absent");
        String subject = "group " + p.name();
        if (!p.present()) {
            if (current.isEmpty()) return Plan.noChange(data);
            return Plan.of(List.of(new Change("remove " + subject, Diff.state(subject, "present", "absent"),
                    (c, r) -> UserChanges.run(c, List.of("groupdel", p.name()), null))), data);
        }
        data.put("system", p.system());
        List<String> argv = new ArrayList<>();
        if (current.isEmpty()) {
            argv.add("groupadd");
            if (p.gid() != null) argv.addAll(List.of("-g", p.gid().toString()));
            if (p.nonUnique()) argv.add("-o");
            if (p.system()) argv.add("-r");
            argv.add(p.name());
            if (p.gid() != null) data.put("gid", p.gid());
            return Plan.of(List.of(new Change("create " + subject, Diff.state(subject, "absent", "present"),
                    (c, r) -> UserChanges.run(c, argv, null))), data);
        }
        int gid = current.get().gid();
        data.put("gid", gid);
        if (p.gid() == null || p.gid() == gid) return Plan.noChange(data);
        argv.addAll(List.of("groupmod", "-g", p.gid().toString()));
        if (p.nonUnique()) argv.add("-o");
        argv.add(p.name());
        data.put("gid", p.gid());
        return Plan.of(List.of(new Change("change the GID of " + subject, Diff.state(subject + " gid", gid, p.gid()),
                (c, r) -> UserChanges.run(c, argv, null))), data);
    }

    /** Applies the plan, then reports the GID the group now has (a new group's GID is chosen by groupadd). */
    @Override
    protected ModuleResult apply(ModuleContext ctx, GroupArgs p, Plan plan) throws Exception {
        ModuleResult done = super.apply(ctx, p, plan);
        if (done.failed() || !"present".equals(done.data().get("state"))) return done;
        Optional<Accounts.Group> now = Accounts.group(ctx, String.valueOf(done.data().get("name")));
        if (now.isEmpty()) return done;
        return Accounts.withData(done, "gid", now.get().gid());
    }
}
