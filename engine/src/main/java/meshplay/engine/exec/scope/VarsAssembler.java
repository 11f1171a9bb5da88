package meshplay.engine.exec.scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import meshplay.engine.exec.ArgRenderer;
import meshplay.engine.exec.HostState;
import meshplay.engine.exec.RunContext;
import meshplay.engine.model.Role;
import meshplay.engine.vars.FactVars;
import meshplay.engine.vars.HostVars;
import meshplay.engine.vars.VarLayers;
import meshplay.engine.vars.VarLevel;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;

/**
 * The variables a task sees on one host, built as {@link VarLayers} (Ansible's precedence, see
 * {@link VarLevel}): role defaults, inventory, facts, play vars, vars_files, role vars, block and task
 * vars, include_vars, set_fact/registered, role and include params, extra vars, magic variables.
 * Trusted values stay YNode so the templar renders them when they are read.
 */
public final class VarsAssembler {
    private final RunContext run;

    public VarsAssembler(RunContext run) {
        this.run = run;
    }

    /** Host-level variables without play/task layers: what hostvars[host] shows. */
    public Map<String, Object> hostLevel(String host) {
        VarLayers l = hostLayers(host);
        Map<String, Object> magic = new LinkedHashMap<>();
        magic.put("inventory_hostname", host);
        magic.put("group_names", run.inventory.groupNames(host));
        l.set(VarLevel.MAGIC, magic);
        return l.view();
    }

    private VarLayers hostLayers(String host) {
        VarLayers l = new VarLayers();
        l.set(VarLevel.INVENTORY_HOST, run.inventory.hostVars(host));
        HostState s = run.state.host(host);
        Map<String, Object> facts = s.facts();
        if (!facts.isEmpty()) l.set(VarLevel.FACTS, new FactVars(facts));
        l.set(VarLevel.INCLUDE_VARS, s.includedVars());
        l.set(VarLevel.SET_FACTS, s.hostVars());
        l.set(VarLevel.EXTRA_VARS, extraVars());
        return l;
    }

    public Map<String, Object> forTask(String host, PlayRun play, Scope scope) {
        VarLayers l = hostLayers(host);
        l.set(VarLevel.HOST_DEFAULTS, Map.of("ansible_host", host));
        Role role = scope.role();
        if (role != null && role.defaults() != null) l.set(VarLevel.ROLE_DEFAULTS, role.defaults().entries());
        l.set(VarLevel.PLAY_VARS, play.play().vars());
        l.set(VarLevel.PLAY_VARS_FILES, play.varsFiles());
        if (role != null && role.vars() != null) l.set(VarLevel.ROLE_VARS, role.vars().entries());
        if (!scope.varLayers().isEmpty()) {
            Map<String, Object> blockVars = new LinkedHashMap<>();
            for (YMap layer : scope.varLayers()) blockVars.putAll(layer.entries());
            l.set(VarLevel.BLOCK_VARS, blockVars);
        }
        if (role != null && role.params() != null) l.set(VarLevel.ROLE_PARAMS, role.params().entries());
        l.set(VarLevel.INCLUDE_PARAMS, scope.includeParams());
        l.set(VarLevel.MAGIC, magic(host, play, role));
        return l.view();
    }

    /**
     * The variables of the play without a host, as Ansible templates a handler's name: the role's
     * defaults and vars ({@code role} may be null), the play's vars and vars_files, extra vars and the
     * magic variables that do not name a host. No inventory variable, fact or set_fact is there.
     */
    public Map<String, Object> forPlay(PlayRun play, Role role) {
        VarLayers l = new VarLayers();
        if (role != null && role.defaults() != null) l.set(VarLevel.ROLE_DEFAULTS, role.defaults().entries());
        l.set(VarLevel.PLAY_VARS, play.play().vars());
        l.set(VarLevel.PLAY_VARS_FILES, play.varsFiles());
        if (role != null && role.vars() != null) l.set(VarLevel.ROLE_VARS, role.vars().entries());
        l.set(VarLevel.EXTRA_VARS, extraVars());
        l.set(VarLevel.MAGIC, playMagic(play, role));
        return l.view();
    }

    private Map<String, Object> extraVars() {
        if (run.state.stepOverrides.isEmpty()) return run.options.extraVars;
        Map<String, Object> v = new LinkedHashMap<>(run.options.extraVars);
        v.putAll(run.state.stepOverrides);
        return v;
    }

    private Map<String, Object> magic(String host, PlayRun play, Role role) {
        Map<String, Object> v = playMagic(play, role);
        v.put("inventory_hostname", host);
        int dot = host.indexOf('.');
        v.put("inventory_hostname_short", dot > 0 ? host.substring(0, dot) : host);
        v.put("group_names", run.inventory.groupNames(host));
        java.nio.file.Path source = run.inventory.sourceOf(host);
        if (source != null) {
            v.put("inventory_file", source.toString());
            v.put("inventory_dir", source.getParent().toString());
        }
        return v;
    }

    /** The magic variables that do not depend on a host. */
    private Map<String, Object> playMagic(PlayRun play, Role role) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("hostvars", new HostVars(run.inventory::hosts, this::hostLevel));
        v.put("groups", run.inventory.groups());
        // the lists of the play's hosts walk every host: built when a template first reads them
        List<String> active = new OnFirstRead<>(() -> play.activeHosts(play.allHosts()));
        v.put("play_hosts", active);
        v.put("ansible_play_hosts", active);
        v.put("ansible_play_hosts_all", new OnFirstRead<>(play::allHosts));
        v.put("ansible_play_batch", new OnFirstRead<>(() -> play.activeHosts(play.batch())));
        v.put("ansible_play_name", play.play().name());
        v.put("ansible_check_mode", run.options.check);
        v.put("ansible_diff_mode", run.options.diff);
        v.put("ansible_verbosity", run.options.verbosity);
        v.put("ansible_forks", run.options.forks);
        v.put("ansible_run_tags", run.options.tags.isEmpty() ? List.of("all") : new ArrayList<>(new TreeSet<>(run.options.tags)));
        v.put("ansible_skip_tags", new ArrayList<>(new TreeSet<>(run.options.skipTags)));
        v.put("ansible_version", MagicValues.VERSION);
        v.put("ansible_playbook_python", MagicValues.python());
        v.put("playbook_dir", run.playbookDir.toAbsolutePath().normalize().toString());
        if (role != null) {
            v.put("role_path", role.dir().toString());
            v.put("role_name", role.name());
        }
        v.put("omit", ArgRenderer.OMIT);
        return v;
    }

    /** YNode values of a vars file as a map (trusted values stay YNode). */
    public static Map<String, Object> entries(YNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node instanceof YMap m) out.putAll(m.entries());
        return out;
    }
}
